package io.archlens.lsp;

import io.archlens.core.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * A short language-server session in this process, over pipes, on a scratch workspace: initialize, open a few
 * files, hover, code actions, shutdown. Its only purpose is to load the classes an editor session loads, so a
 * class-data archive written at the end of this JVM (the launcher's first {@code check}, see
 * {@code bin/archlens} and {@link io.archlens.Warmup}) also makes the server start faster. Nothing reaches
 * stdout (the protocol runs over pipes).
 */
public final class Warmup {
    private Warmup() {
    }

    /**
     * Runs the session on {@code dir} (a scratch workspace the caller made); false when it did not complete
     * within {@code timeoutMs} (the archive is then smaller, nothing else). The server it starts logs as usual:
     * callers that want silence turn {@link Log} off first.
     */
    public static boolean session(Path dir, long timeoutMs) {
        try {
            return run(dir, timeoutMs);
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean run(Path dir, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        Pipe in = new Pipe();
        Pipe out = new Pipe();
        OutputStream toServer = in.out;
        ArchLensServer server = new ArchLensServer(() -> { });
        Launcher<LanguageClient> launcher = Protocol.launcher(server, in.in, out.out, null);
        server.connect(launcher.getRemoteProxy());
        launcher.startListening();
        Output output = new Output();
        Thread reader = new Thread(() -> output.drain(out.in), "archlens-warmup-reader");
        reader.setDaemon(true);
        reader.start();
        String root = dir.toUri().toString();
        // (the scratch workspace holds at least a Dockerfile)
        String df = dir.resolve("Dockerfile").toUri().toString();
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                + "\"rootUri\":\"" + root + "\",\"workspaceFolders\":[{\"uri\":\"" + root + "\",\"name\":\"w\"}],"
                + "\"capabilities\":{\"textDocument\":{\"hover\":{\"contentFormat\":[\"markdown\"]},"
                + "\"codeAction\":{\"codeActionLiteralSupport\":{\"codeActionKind\":{\"valueSet\":[\"quickfix\"]}}},"
                + "\"publishDiagnostics\":{\"relatedInformation\":true}},\"workspace\":{\"configuration\":false}}}}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        // every file of the workspace, so the archive holds each kind's analysis as the editor runs it; the session
        // goes on once each has been published (or at the deadline)
        Set<String> opened = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String u = f.toUri().toString();
                open(toServer, u, Files.readString(f));
                opened.add(u);
            }
        }
        boolean ok = output.awaitPublished(opened, deadline);
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
                + "{\"uri\":\"" + df + "\"},\"position\":{\"line\":0,\"character\":6}}}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":"
                + "{\"uri\":\"" + df + "\"},\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,"
                + "\"character\":10}},\"context\":{\"diagnostics\":[]}}}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"shutdown\",\"params\":null}");
        ok &= output.awaitShutdown(deadline);
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}");
        toServer.close();
        return ok;
    }

    /** Opens a document; the server tells its kind from the path, as for any language id it does not know. */
    private static void open(OutputStream out, String uri, String text) throws IOException {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        send(out, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
                + uri + "\",\"languageId\":\"plaintext\",\"version\":1,\"text\":\"" + escaped + "\"}}}");
    }

    private static void send(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** The server's side of the session, read message by message: which documents were published, and shutdown. */
    private static final class Output {
        private static final Pattern URI = Pattern.compile("\"uri\":\"([^\"]+)\"");
        private final Set<String> published = new HashSet<>();
        private boolean shutdown;
        private boolean closed;

        void drain(InputStream in) {
            try {
                for (String body; (body = next(in)) != null;) {
                    synchronized (this) {
                        if (body.contains("\"textDocument/publishDiagnostics\"")) {
                            Matcher m = URI.matcher(body);
                            if (m.find()) {
                                published.add(m.group(1));
                            }
                        } else if (body.contains("\"id\":4") || body.contains("\"id\":\"4\"")) {
                            shutdown = true;
                        }
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // pipe closed
            }
            synchronized (this) {
                closed = true;
                notifyAll();
            }
        }

        synchronized boolean awaitPublished(Set<String> uris, long deadline) throws InterruptedException {
            while (!published.containsAll(uris) && !closed && waitUntil(deadline)) {
                // waits
            }
            return published.containsAll(uris);
        }

        synchronized boolean awaitShutdown(long deadline) throws InterruptedException {
            while (!shutdown && !closed && waitUntil(deadline)) {
                // waits
            }
            return shutdown;
        }

        private boolean waitUntil(long deadline) throws InterruptedException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
            return true;
        }

        /** The next message's body, or null at the end of the stream. */
        private static String next(InputStream in) throws IOException {
            int length = -1;
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) >= 0;) {
                if (c == '\n') {
                    String h = line.toString().trim();
                    line.setLength(0);
                    if (h.isEmpty()) {
                        if (length < 0) {
                            continue;
                        }
                        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
                    }
                    if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Integer.parseInt(h.substring(15).trim());
                    }
                } else {
                    line.append((char) c);
                }
            }
            return null;
        }
    }
}
