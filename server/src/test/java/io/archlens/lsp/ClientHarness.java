package io.archlens.lsp;

import com.google.gson.JsonObject;
import io.archlens.analysis.Edit;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.Parser;
import io.archlens.analysis.Rule;
import io.archlens.analysis.RuleBook;
import io.archlens.analysis.RuleContext;
import io.archlens.analysis.RuleMeta;
import io.archlens.analysis.RulePack;
import io.archlens.analysis.Severity;
import io.archlens.analysis.Category;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real server and a scripted client talking JSON-RPC over piped streams (LSP4J launchers on both sides),
 * so tests see exactly what an editor would. The rule book holds one test rule on Dockerfiles,
 * {@code test/latest}: every {@code :latest} is reported, with a safe fix replacing it by {@code :1.0}.
 */
final class ClientHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    /** The archlens/status notification, declared so LSP4J dispatches it to the test client. */
    interface StatusClient extends LanguageClient {
        @JsonNotification("archlens/status")
        void status(JsonObject params);
    }

    /** Records everything the server sends; answers requests as configured. */
    static final class TestClient implements StatusClient {
        final List<PublishDiagnosticsParams> diagnostics = new CopyOnWriteArrayList<>();
        final List<MessageParams> logs = new CopyOnWriteArrayList<>();
        final List<String> progressCreated = new CopyOnWriteArrayList<>();
        final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
        final List<JsonObject> statuses = new CopyOnWriteArrayList<>();
        final List<ApplyWorkspaceEditParams> applied = new CopyOnWriteArrayList<>();
        final List<ConfigurationParams> configurationRequests = new CopyOnWriteArrayList<>();
        volatile Function<ConfigurationParams, List<Object>> configuration = p -> {
            List<Object> out = new ArrayList<>();
            p.getItems().forEach(i -> out.add(null));
            return out;
        };

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            diagnostics.add(p);
        }

        @Override
        public void showMessage(MessageParams p) {
            logs.add(p);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams p) {
            logs.add(p);
        }

        @Override
        public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams p) {
            progressCreated.add(p.getToken().getLeft());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void notifyProgress(ProgressParams p) {
            progress.add(p);
        }

        /** When set, workspace/configuration is answered only when the test completes this future. */
        volatile CompletableFuture<List<Object>> configurationAnswer;

        @Override
        public CompletableFuture<List<Object>> configuration(ConfigurationParams p) {
            configurationRequests.add(p);
            CompletableFuture<List<Object>> later = configurationAnswer;
            return later != null ? later : CompletableFuture.completedFuture(configuration.apply(p));
        }

        @Override
        public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams p) {
            applied.add(p);
            return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(true));
        }

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams p) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> unregisterCapability(UnregistrationParams p) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void status(JsonObject params) {
            statuses.add(params);
        }

        /** The last diagnostics published for {@code uri}, or null. */
        PublishDiagnosticsParams lastFor(String uri) {
            PublishDiagnosticsParams last = null;
            for (PublishDiagnosticsParams p : diagnostics) {
                if (p.getUri().equals(uri)) {
                    last = p;
                }
            }
            return last;
        }
    }

    static final RuleMeta LATEST = RuleMeta.of("test/latest", "Image pinned to latest", Severity.WARNING,
            Category.RELIABILITY, FileKind.DOCKERFILE).withFix();
    private static final Pattern TAG = Pattern.compile(":latest\\b");

    static RuleBook testBook() {
        Rule<String> rule = new Rule<>() {
            @Override
            public RuleMeta meta() {
                return LATEST;
            }

            @Override
            public void check(String text, RuleContext ctx) {
                Matcher m = TAG.matcher(text);
                while (m.find()) {
                    TextRange r = TextRange.of(m.start() + 1, m.end());
                    ctx.report(r, "The image tag 'latest' moves; pin a version such as 1.0.",
                            Fix.safe("Pin to 1.0", Edit.replace(r, "1.0")));
                }
            }
        };
        RulePack<String> pack = new RulePack<>() {
            @Override
            public FileKind kind() {
                return FileKind.DOCKERFILE;
            }

            @Override
            public Parser<String> parser() {
                return f -> new Parsed<>(f.text(), List.of());
            }

            @Override
            public List<Rule<String>> rules() {
                return List.of(rule);
            }
        };
        return new RuleBook(List.of(pack));
    }

    final TestClient client = new TestClient();
    final LanguageServer server;
    final ArchLensServer impl;
    private final Pipes pipes = new Pipes();

    ClientHarness() throws IOException {
        impl = new ArchLensServer(testBook(), () -> { });
        Launcher<LanguageClient> sl = Protocol.launcher(impl, pipes.serverIn, pipes.serverOut, null);
        impl.connect(sl.getRemoteProxy());
        pipes.serverListening = sl.startListening();
        Launcher<LanguageServer> cl = new Launcher.Builder<LanguageServer>()
                .setLocalService(client)
                .setRemoteInterface(LanguageServer.class)
                .setInput(pipes.clientIn)
                .setOutput(pipes.clientOut)
                .create();
        server = cl.getRemoteProxy();
        pipes.clientListening = cl.startListening();
    }

    /** initialize + initialized with the given capabilities, options and root. */
    InitializeResult start(ClientCapabilities caps, Object initOptions, java.nio.file.Path root) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setCapabilities(caps);
        p.setInitializationOptions(initOptions);
        if (root != null) {
            p.setRootUri(root.toUri().toString());
        }
        InitializeResult r = server.initialize(p).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return r;
    }

    void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "dockerfile", 1, text)));
    }

    static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (cond.getAsBoolean()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Lets in-flight messages arrive (for asserting that something did NOT happen). */
    void settle() throws Exception {
        // a round trip through the server and its analysis thread
        server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier("file:///nothing-open"), new org.eclipse.lsp4j.Position(0, 0)))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Thread.sleep(200);
    }

    @Override
    public void close() {
        pipes.close(server);
    }
}
