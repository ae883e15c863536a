package io.archlens.robustness;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A JSON-RPC client written at the byte level, so the harness controls exactly what goes over the wire (NUL and
 * lone surrogates escaped as a JavaScript client escapes them, {@code character: 2147483647}) and sees every
 * error response. It answers the server's own requests with empty results and records each
 * {@code publishDiagnostics} with its arrival time.
 */
final class RawClient {
    /** One publishDiagnostics: version null when the server sent none (e.g. the clearing publish on close). */
    record Publish(String uri, Integer version, JsonArray diagnostics, long nanos) {
    }

    private final InputStream in;
    private final OutputStream out;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final Map<String, Publish> latest = new ConcurrentHashMap<>();
    private final Object published = new Object();
    final AtomicInteger errorLogs = new AtomicInteger();
    volatile String lastErrorLog;
    volatile boolean closed;
    volatile Throwable readFailure;

    RawClient(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
        Thread t = new Thread(this::readLoop, "robustness-client-reader");
        t.setDaemon(true);
        t.start();
    }

    CompletableFuture<JsonObject> request(String method, String paramsJson) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        pending.put(id, f);
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        return f;
    }

    void notify(String method, String paramsJson) throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
    }

    /** Waits for a publish of {@code uri} matching {@code p}; null after {@code timeoutMs}. */
    Publish awaitPublish(String uri, Predicate<Publish> p, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (published) {
            while (true) {
                Publish x = latest.get(uri);
                if (x != null && p.test(x)) {
                    return x;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0 || closed) {
                    return null;
                }
                published.wait(Math.min(left, 200));
            }
        }
    }

    void forget(String uri) {
        latest.remove(uri);
    }

    private synchronized void send(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private void readLoop() {
        try {
            while (true) {
                int length = -1;
                for (String h; !(h = header()).isEmpty();) {
                    if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Integer.parseInt(h.substring(15).trim());
                    }
                }
                if (length < 0) {
                    throw new IOException("message without Content-Length");
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    break;
                }
                dispatch(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            readFailure = e;
        } finally {
            closed = true;
            pending.values().forEach(f -> f.completeExceptionally(new IOException("connection closed")));
            synchronized (published) {
                published.notifyAll();
            }
        }
    }

    private String header() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0) {
                throw new IOException("end of stream");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private void dispatch(JsonObject m) throws IOException {
        JsonElement method = m.get("method");
        if (method == null) {
            CompletableFuture<JsonObject> f = pending.remove(m.get("id").getAsInt());
            if (f != null) {
                f.complete(m);
            }
            return;
        }
        String name = method.getAsString();
        if (m.has("id")) {
            String result = "null";
            if (name.equals("workspace/configuration")) {
                int n = m.getAsJsonObject("params").getAsJsonArray("items").size();
                result = "[" + String.join(",", java.util.Collections.nCopies(n, "null")) + "]";
            }
            send("{\"jsonrpc\":\"2.0\",\"id\":" + m.get("id") + ",\"result\":" + result + "}");
            return;
        }
        if (name.equals("textDocument/publishDiagnostics")) {
            JsonObject p = m.getAsJsonObject("params");
            JsonElement v = p.get("version");
            Publish x = new Publish(p.get("uri").getAsString(), v == null || v.isJsonNull() ? null : v.getAsInt(),
                    p.getAsJsonArray("diagnostics"), System.nanoTime());
            synchronized (published) {
                latest.put(x.uri(), x);
                published.notifyAll();
            }
        } else if (name.equals("window/logMessage") && m.getAsJsonObject("params").get("type").getAsInt() == 1) {
            errorLogs.incrementAndGet();
            lastErrorLog = m.getAsJsonObject("params").get("message").getAsString();
        }
    }
}
