package io.archlens.lsp;

import io.archlens.core.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
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
        Pipe in = new Pipe();
        Pipe out = new Pipe();
        InputStream serverIn = in.in;
        OutputStream toServer = in.out;
        InputStream fromServer = out.in;
        OutputStream serverOut = out.out;
        ArchLensServer server = new ArchLensServer(() -> { });
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, serverIn, serverOut);
        server.connect(launcher.getRemoteProxy());
        launcher.startListening();
        CountDownLatch done = new CountDownLatch(1);
        Thread reader = new Thread(() -> drain(fromServer, done), "archlens-warmup-reader");
        reader.setDaemon(true);
        reader.start();
        String root = dir.toUri().toString();
        String df = dir.resolve("Dockerfile").toUri().toString();
        // (the scratch workspace holds at least a Dockerfile and a docker-compose.yml)
        String compose = dir.resolve("docker-compose.yml").toUri().toString();
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                + "\"rootUri\":\"" + root + "\",\"workspaceFolders\":[{\"uri\":\"" + root + "\",\"name\":\"w\"}],"
                + "\"capabilities\":{\"textDocument\":{\"hover\":{\"contentFormat\":[\"markdown\"]},"
                + "\"codeAction\":{\"codeActionLiteralSupport\":{\"codeActionKind\":{\"valueSet\":[\"quickfix\"]}}},"
                + "\"publishDiagnostics\":{\"relatedInformation\":true}},\"workspace\":{\"configuration\":false}}}}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        open(toServer, df, "dockerfile", Files.readString(dir.resolve("Dockerfile")));
        open(toServer, compose, "dockercompose", Files.readString(dir.resolve("docker-compose.yml")));
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
                + "{\"uri\":\"" + df + "\"},\"position\":{\"line\":0,\"character\":6}}}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":"
                + "{\"uri\":\"" + df + "\"},\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,"
                + "\"character\":10}},\"context\":{\"diagnostics\":[]}}}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"shutdown\",\"params\":null}");
        boolean ok = done.await(timeoutMs, TimeUnit.MILLISECONDS);
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}");
        toServer.close();
        return ok;
    }

    private static void open(OutputStream out, String uri, String lang, String text) throws IOException {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        send(out, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
                + uri + "\",\"languageId\":\"" + lang + "\",\"version\":1,\"text\":\"" + escaped + "\"}}}");
    }

    private static void send(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Reads the server's output until the shutdown response (id 4) has gone by. */
    private static void drain(InputStream in, CountDownLatch done) {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0;) {
                seen.write(buf, 0, n);
                String s = seen.toString(StandardCharsets.UTF_8);
                if (s.contains("\"id\":4") || s.contains("\"id\":\"4\"")) {
                    done.countDown();
                }
                if (seen.size() > 1 << 20) {
                    seen.reset();
                }
            }
        } catch (IOException e) {
            // pipe closed
        }
    }
}
