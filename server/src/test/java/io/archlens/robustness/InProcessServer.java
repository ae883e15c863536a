package io.archlens.robustness;

import io.archlens.analysis.RuleBook;
import io.archlens.lsp.ArchLensServer;
import io.archlens.workspace.Document;
import io.archlens.workspace.DocumentStore;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The real server in this JVM, over a pair of {@link BlockingPipe}s, driven by a {@link RawClient}. The harness
 * may look at the server's document store to compare its text with the client's: that is the only thing it
 * reads from inside.
 */
final class InProcessServer implements AutoCloseable {
    final RawClient client;
    private final ArchLensServer server;
    private final Future<Void> listening;
    private final DocumentStore store;
    private final BlockingPipe toServer = new BlockingPipe();
    private final BlockingPipe fromServer = new BlockingPipe();

    InProcessServer() throws IOException {
        server = new ArchLensServer(RuleBook.loadDefault(), () -> { });
        Launcher<LanguageClient> l = io.archlens.lsp.Protocol.launcher(server, toServer.in, fromServer.out, null);
        server.connect(l.getRemoteProxy());
        listening = l.startListening();
        client = new RawClient(fromServer.in, toServer.out);
        store = storeOf(server);
    }

    /** False once the server's message loop has ended (a crash, for a server that was not told to exit). */
    boolean alive() {
        return !listening.isDone() && !client.closed;
    }

    Optional<Document> document(String uri) {
        return store.get(uri);
    }

    int openDocuments() {
        return store.all().size();
    }

    private static DocumentStore storeOf(ArchLensServer server) {
        try {
            Field s = ArchLensServer.class.getDeclaredField("session");
            s.setAccessible(true);
            Object session = s.get(server);
            Field st = session.getClass().getDeclaredField("store");
            st.setAccessible(true);
            return (DocumentStore) st.get(session);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the harness reads the server's document store: " + e, e);
        }
    }

    /** Shutdown and exit, then the pipes closed. */
    @Override
    public void close() {
        try {
            client.request("shutdown", "null").get(5, java.util.concurrent.TimeUnit.SECONDS);
            client.notify("exit", "null");
        } catch (Exception e) {
            // a hung or dead server: the pipes are closed anyway
        } finally {
            // the exit notification may still be in the pipe when it closes: unregister the log sink here, or it
            // stays in the JVM-wide Log and later servers' log lines are written into this closed pipe
            server.exit();
        }
        closePipes();
    }

    /**
     * For a server whose analysis thread is stuck (a hang): closes the pipes and stops the server's own threads,
     * which no interrupt reaches inside a runaway regular expression, so they stop burning a core.
     */
    void abandon() {
        server.exit(); // unregisters its log sink, which would otherwise keep the whole server reachable
        closePipes();
        stopThreads(t -> t.getName().startsWith("archlens-"));
    }

    /** Stops the live threads {@code which} selects (Java 17 still can; later Javas only interrupt them). */
    @SuppressWarnings({"deprecation", "removal"})
    static void stopThreads(java.util.function.Predicate<Thread> which) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && t.isAlive() && which.test(t)) {
                try {
                    t.stop();
                } catch (UnsupportedOperationException e) {
                    t.interrupt();
                }
            }
        }
    }

    private void closePipes() {
        toServer.close();
        fromServer.close();
        listening.cancel(true);
    }
}
