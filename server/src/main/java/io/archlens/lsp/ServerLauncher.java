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
        // The rule book (every pack's parser and rules: ~50 ms) loads on a second core while this thread sets up
        // the protocol (Protocol: LSP4J's launcher without its reflection, ~15 ms) and answers initialize, which
        // does not need the book: the first analysis waits for it. Whether the book has cross-file rules is asked
        // at initialize, by when it has usually loaded.
        java.util.concurrent.CompletableFuture<io.archlens.analysis.RuleBook> book =
                java.util.concurrent.CompletableFuture.supplyAsync(io.archlens.analysis.RuleBook::loadDefault,
                        r -> {
                            Thread t = new Thread(r, "archlens-rule-book");
                            t.setDaemon(true);
                            t.start();
                        });
        book.whenComplete((b, e) -> {
            if (e != null) {
                Log.error("the rule book could not be loaded", e);
            }
        });
        ArchLensServer server = new ArchLensServer(book, io.archlens.analysis.RuleBook::defaultHasProjectRules, () -> {
            code[0] = holder[0].shutdownReceived() ? 0 : 1;
            System.exit(code[0]);
        });
        holder[0] = server;
        Launcher<LanguageClient> launcher = Protocol.launcher(server, in, out, null);
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
}
