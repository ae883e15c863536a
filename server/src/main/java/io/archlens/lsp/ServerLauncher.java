package io.archlens.lsp;

import io.archlens.core.Log;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Starts the server on stdio or a socket. In stdio mode stdout is reserved for the protocol. */
public final class ServerLauncher {
    private ServerLauncher() {
    }

    public static int stdio() throws InterruptedException {
        InputStream in = System.in;
        OutputStream out = System.out;
        // Anything printed by mistake (a library, a stray println) goes to stderr, never into the protocol.
        System.setOut(new PrintStream(System.err, true));
        return run(in, out);
    }

    public static int socket(int port) throws Exception {
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            Log.info("ArchLens listening on 127.0.0.1:" + server.getLocalPort());
            try (Socket s = server.accept()) {
                return run(s.getInputStream(), s.getOutputStream());
            }
        }
    }

    static int run(InputStream in, OutputStream out) throws InterruptedException {
        final int[] code = {1};
        final ArchLensServer[] holder = new ArchLensServer[1];
        // The rule book (every pack's parser and rules: a third of the start) loads on a second core while this
        // thread loads LSP4J's protocol classes and JSON adapters; both are needed before the first reply.
        java.util.concurrent.CompletableFuture<io.archlens.analysis.RuleBook> book =
                java.util.concurrent.CompletableFuture.supplyAsync(io.archlens.analysis.RuleBook::loadDefault,
                        r -> {
                            Thread t = new Thread(r, "archlens-rule-book");
                            t.setDaemon(true);
                            t.start();
                        });
        prepareProtocol();
        ArchLensServer server = new ArchLensServer(book.join(), () -> {
            code[0] = holder[0].shutdownReceived() ? 0 : 1;
            System.exit(code[0]);
        });
        holder[0] = server;
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (ExecutionException e) {
            Log.error("connection closed", e.getCause());
        }
        // input closed without exit: the client went away
        return server.shutdownReceived() ? 0 : 1;
    }

    /**
     * Loads what LSP4J needs to read and answer {@code initialize} (its service reflection over the server's
     * methods, Gson's adapters for the protocol types) by parsing a sample message; only class loading and caches
     * are kept. A failure here costs nothing but time: the real launcher does the same work again.
     */
    static boolean prepareProtocol() {
        try {
            java.util.Map<String, org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod> methods = new java.util.LinkedHashMap<>(
                    org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints.getSupportedMethods(LanguageClient.class));
            methods.putAll(org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints.getSupportedMethods(
                    ArchLensServer.class));
            org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler json =
                    new org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler(methods);
            json.parseMessage("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"processId\":1,"
                    + "\"rootUri\":\"file:///w\",\"capabilities\":{\"textDocument\":{\"publishDiagnostics\":"
                    + "{\"relatedInformation\":true}}},\"workspaceFolders\":[{\"uri\":\"file:///w\",\"name\":\"w\"}]}}");
            org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage reply = new org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage();
            reply.setId(0);
            reply.setResult(new org.eclipse.lsp4j.InitializeResult(new org.eclipse.lsp4j.ServerCapabilities()));
            json.serialize(reply);
            return true;
        } catch (RuntimeException e) {
            Log.debug("protocol warm-up skipped: " + e);
            return false;
        }
    }
}
