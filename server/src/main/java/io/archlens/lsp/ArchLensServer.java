package io.archlens.lsp;

import io.archlens.Version;
import io.archlens.analysis.RuleBook;
import io.archlens.core.Log;
import io.archlens.workspace.Paths2;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The LSP shell: capabilities and lifecycle. The work is done by the core; this only translates. */
public final class ArchLensServer implements LanguageServer, LanguageClientAware {
    public static final String FIX_ALL_KIND = "source.fixAll.archlens";
    /** The code action kind of "Review this file with the architecture agent". */
    public static final String REVIEW_KIND = "source.archlens.review";

    private final Session session;
    private final TextDocumentHandler documents;
    private final WorkspaceHandler workspace;
    private final Runnable onExit;
    private volatile boolean shutdown;
    private BiConsumer<Log.Level, String> logSink;

    /** What the server holds per document (tests). */
    java.util.Map<String, Integer> retained() {
        return session.retained();
    }

    public ArchLensServer(Runnable onExit) {
        this(RuleBook.loadDefault(), onExit);
    }

    public ArchLensServer(RuleBook book, Runnable onExit) {
        this(CompletableFuture.completedFuture(book), !book.projectRules().isEmpty(), onExit);
    }

    /**
     * A server whose rule book is still loading ({@link ServerLauncher}): {@code initialize} is answered without
     * it; the first analysis waits for it.
     *
     * @param crossFile whether the book will have cross-file rules (the capabilities announce what they need)
     */
    public ArchLensServer(CompletableFuture<RuleBook> book, boolean crossFile, Runnable onExit) {
        this(book, () -> crossFile, onExit);
    }

    /**
     * As above, with {@code crossFile} asked when first needed (at {@code initialize}, by when the book has
     * usually loaded: {@link RuleBook#defaultHasProjectRules()} then answers from it without reading the jar).
     */
    public ArchLensServer(CompletableFuture<RuleBook> book, java.util.function.BooleanSupplier crossFile,
            Runnable onExit) {
        this.session = new Session(book, crossFile);
        this.documents = new TextDocumentHandler(session);
        this.workspace = new WorkspaceHandler(session, documents);
        this.onExit = onExit;
        session.scheduler = new AnalysisScheduler(session.store, session::book, session::settings, documents::published);
        session.documents = documents;
        session.system = new SystemSupport(session);
        session.agent = new AgentBridge(session, documents);
    }

    @Override
    public void connect(LanguageClient client) {
        session.client = client;
        logSink = (level, msg) -> {
            MessageType t = switch (level) {
                case ERROR -> MessageType.Error;
                case WARN -> MessageType.Warning;
                case INFO -> MessageType.Info;
                case DEBUG -> MessageType.Log;
            };
            client.logMessage(new MessageParams(t, msg));
        };
        Log.addSink(logSink);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (params.getCapabilities() != null) {
            session.capabilities = params.getCapabilities();
        }
        List<WorkspaceFolder> folders = params.getWorkspaceFolders();
        String rootUri = folders != null && !folders.isEmpty() ? folders.get(0).getUri() : params.getRootUri();
        session.root = rootUri == null ? null : Paths2.toPath(rootUri);
        session.initOptions = Session.fromJson(params.getInitializationOptions());
        if (params.getInitializationOptions() != null) {
            Object trusted = InitOptions.get(params.getInitializationOptions(), "trustedWorkspace");
            if (trusted instanceof Boolean b) {
                session.trusted = b;
            }
            session.statusNotifications = Boolean.TRUE.equals(
                    InitOptions.get(params.getInitializationOptions(), "statusNotification"));
            if (InitOptions.get(params.getInitializationOptions(), "agentApiKey") instanceof String key && !key.isBlank()) {
                session.agent.clientApiKey = key;
            }
        }
        session.reloadProjectConfig(true);
        session.pullDiagnostics = Capabilities.pullDiagnostics(session.capabilities, session.settings());

        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setHoverProvider(true);
        if (session.system.enabled()) {
            caps.setDocumentLinkProvider(new org.eclipse.lsp4j.DocumentLinkOptions(false));
            caps.setDefinitionProvider(true);
        }
        CodeActionOptions ca = new CodeActionOptions(List.of(CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll,
                REVIEW_KIND));
        ca.setResolveProvider(false);
        caps.setCodeActionProvider(ca);
        // inter-file: an edit here can change another file's cross-file findings; workspace: closed files have some
        DiagnosticRegistrationOptions diag = new DiagnosticRegistrationOptions(session.system.enabled(),
                session.system.enabled());
        diag.setIdentifier("archlens");
        caps.setDiagnosticProvider(diag);
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(List.copyOf(workspace.commandNames())));
        InitializeResult result = new InitializeResult(caps, new ServerInfo("archlens", Version.get()));
        Log.info("ArchLens " + Version.get() + " initialised for " + (session.root == null ? "no folder" : session.root)
                + "; diagnostics mode: " + (session.pullDiagnostics ? "pull" : "push"));
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void initialized(InitializedParams params) {
        workspace.afterInitialized();
        session.system.start();
        session.restingStatus();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        session.scheduler.shutdown();
        session.system.shutdown();
        session.agent.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        if (logSink != null) {
            Log.removeSink(logSink);
        }
        onExit.run();
    }

    public boolean shutdownReceived() {
        return shutdown;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    @Override
    public void setTrace(org.eclipse.lsp4j.SetTraceParams params) {
        // tracing is the client's concern; accepted so clients that send it get no error
    }

    static <T> Either<T, ?> left(T t) {
        return Either.forLeft(t);
    }
}
