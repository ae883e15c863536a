package io.archlens.lsp;

import io.archlens.analysis.RuleBook;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real JSON-RPC connection to the server over piped streams: the client side records what the server
 * sends (diagnostics, log messages, edits to apply, configuration requests) so tests can wait for it.
 */
public final class LspHarness implements AutoCloseable {
    public final LanguageServer server;
    public final RecordingClient client = new RecordingClient();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lsp-harness");
        t.setDaemon(true);
        return t;
    });
    private final ArchLensServer impl;
    private final Pipes pipes;
    public volatile boolean exited;

    public LspHarness(RuleBook book) throws IOException {
        this(CompletableFuture.completedFuture(book), !book.projectRules().isEmpty());
    }

    /** A server whose rule book arrives when the test completes {@code book} (as {@code ServerLauncher} does). */
    public LspHarness(CompletableFuture<RuleBook> book, boolean crossFile) throws IOException {
        pipes = new Pipes();
        impl = new ArchLensServer(book, crossFile, () -> exited = true);
        Launcher<LanguageClient> sl = Protocol.launcher(impl, pipes.serverIn, pipes.serverOut, threads);
        impl.connect(sl.getRemoteProxy());
        pipes.serverListening = sl.startListening();
        Launcher<LanguageServer> cl = LSPLauncher.createClientLauncher(client, pipes.clientIn, pipes.clientOut, threads,
                null);
        server = cl.getRemoteProxy();
        pipes.clientListening = cl.startListening();
    }

    /** Polls {@code cond} every 20 ms until it holds; fails after {@code seconds} naming {@code what}. */
    static void await(java.util.function.BooleanSupplier cond, String what, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** What the server holds per document. */
    java.util.Map<String, Integer> retained() {
        return impl.retained();
    }

    public static LspHarness start() throws IOException {
        return new LspHarness(RuleBook.loadDefault());
    }

    /** The default rule book, initialised on {@code rootUri} as a push client with markdown hovers. */
    public static LspHarness started(String rootUri) throws Exception {
        LspHarness h = start();
        h.initialize(rootUri, capabilities(false, true), null);
        return h;
    }

    /** Capabilities of a modern client: pull off unless asked, markdown hover, documentChanges. */
    public static ClientCapabilities capabilities(boolean pull, boolean markdown) {
        ClientCapabilities c = new ClientCapabilities();
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        HoverCapabilities hover = new HoverCapabilities();
        hover.setContentFormat(markdown ? List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT) : List.of(MarkupKind.PLAINTEXT));
        td.setHover(hover);
        if (pull) {
            td.setDiagnostic(new DiagnosticCapabilities());
        }
        CodeActionCapabilities ca = new CodeActionCapabilities();
        ca.setCodeActionLiteralSupport(new CodeActionLiteralSupportCapabilities(
                new CodeActionKindCapabilities(List.of("quickfix", "source.fixAll"))));
        td.setCodeAction(ca);
        c.setTextDocument(td);
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        WorkspaceEditCapabilities we = new WorkspaceEditCapabilities();
        we.setDocumentChanges(true);
        ws.setWorkspaceEdit(we);
        ws.setConfiguration(true);
        c.setWorkspace(ws);
        return c;
    }

    public InitializeResult initialize(String rootUri, ClientCapabilities caps, Object initOptions) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setCapabilities(caps);
        if (rootUri != null) {
            p.setWorkspaceFolders(List.of(new WorkspaceFolder(rootUri, "root")));
        }
        p.setInitializationOptions(initOptions);
        InitializeResult r = server.initialize(p).get(10, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return r;
    }

    public void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "plaintext", 1, text)));
    }

    public void change(String uri, int version, Range range, String text) {
        TextDocumentContentChangeEvent e = range == null ? new TextDocumentContentChangeEvent(text)
                : new TextDocumentContentChangeEvent(range, text);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(e)));
    }

    public PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> until) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = client.diagnostics.poll(100, TimeUnit.MILLISECONDS);
            if (p != null && p.getUri().equals(uri) && until.test(p)) {
                return p;
            }
        }
        throw new AssertionError("no matching diagnostics for " + uri + "; last: " + client.lastDiagnostics.get(uri));
    }

    @Override
    public void close() {
        pipes.close(server);
        threads.shutdownNow();
    }

    /** The client side: records everything the server sends. */
    public static final class RecordingClient implements LanguageClient {
        public final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
        public final ConcurrentHashMap<String, PublishDiagnosticsParams> lastDiagnostics = new ConcurrentHashMap<>();
        /** Every publication in arrival order (the queue above is drained by the waits). */
        public final List<PublishDiagnosticsParams> published = new CopyOnWriteArrayList<>();
        public final List<MessageParams> logs = new CopyOnWriteArrayList<>();
        public final List<MessageParams> shown = new CopyOnWriteArrayList<>();
        public final List<ApplyWorkspaceEditParams> applied = new CopyOnWriteArrayList<>();
        public final List<Object> progress = new CopyOnWriteArrayList<>();
        public volatile Object configuration;
        public volatile int refreshes;

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            lastDiagnostics.put(p.getUri(), p);
            published.add(p);
            diagnostics.add(p);
        }

        @Override
        public void showMessage(MessageParams m) {
            shown.add(m);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams m) {
            logs.add(m);
        }

        @Override
        public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams p) {
            applied.add(p);
            return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(true));
        }

        @Override
        public CompletableFuture<List<Object>> configuration(ConfigurationParams p) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < p.getItems().size(); i++) {
                out.add(configuration);
            }
            return CompletableFuture.completedFuture(out);
        }

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams p) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> refreshDiagnostics() {
            refreshes++;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams p) {
            progress.add(p);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void notifyProgress(ProgressParams p) {
            progress.add(p);
        }
    }
}
