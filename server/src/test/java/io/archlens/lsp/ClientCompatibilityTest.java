package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKindCapabilities;
import org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeActionResolveSupportCapabilities;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What editors with different capabilities get from the server, over a real JSON-RPC connection: push vs
 * pull diagnostics, initializationOptions as a settings fallback, plain-text hovers, code actions without
 * resolve or without literal support, work-done progress only when supported, and archlens/status.
 */
class ClientCompatibilityTest {
    private static final String URI = "file:///w/Dockerfile";
    private static final String TEXT = "FROM node:latest\nRUN echo hi\n";
    private static final long T = ClientHarness.WAIT.toSeconds();

    /** Capabilities of a minimal LSP 3.15-era client: no pull diagnostics, no markdown, no literals. */
    private static ClientCapabilities bare() {
        ClientCapabilities c = new ClientCapabilities();
        c.setTextDocument(new TextDocumentClientCapabilities());
        c.setWorkspace(new WorkspaceClientCapabilities());
        return c;
    }

    private static ClientCapabilities withLiterals(ClientCapabilities c) {
        CodeActionCapabilities ca = new CodeActionCapabilities();
        ca.setCodeActionLiteralSupport(new CodeActionLiteralSupportCapabilities(
                new CodeActionKindCapabilities(List.of("quickfix", "source"))));
        c.getTextDocument().setCodeAction(ca);
        return c;
    }

    private static PublishDiagnosticsParams awaitDiagnostics(ClientHarness h, String uri, int count) throws Exception {
        ClientHarness.await(count + " diagnostics for " + uri, () -> {
            PublishDiagnosticsParams p = h.client.lastFor(uri);
            return p != null && p.getDiagnostics().size() == count;
        });
        return h.client.lastFor(uri);
    }

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void pushesDiagnosticsToClientsWithoutPullSupport() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            InitializeResult r = h.start(bare(), null, null);
            assertNotNull(r.getCapabilities().getDiagnosticProvider(), "the provider is advertised for pull clients");
            h.open(URI, TEXT);
            Diagnostic d = awaitDiagnostics(h, URI, 1).getDiagnostics().get(0);
            assertEquals("test/latest", d.getCode().getLeft());
            assertEquals(new Range(new Position(0, 10), new Position(0, 16)), d.getRange());
            assertEquals(DiagnosticSeverity.Warning, d.getSeverity());
        }
    }

    @Test
    void pullClientsGetNoPushButAReport() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            ClientCapabilities caps = bare();
            caps.getTextDocument().setDiagnostic(new DiagnosticCapabilities());
            h.start(caps, null, null);
            h.open(URI, TEXT);
            DocumentDiagnosticReport rep = h.server.getTextDocumentService()
                    .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI))).get(T, TimeUnit.SECONDS);
            assertEquals(1, rep.getLeft().getItems().size());
            h.settle();
            assertTrue(h.client.diagnostics.isEmpty(), "pull clients must not also get pushed diagnostics");
        }
    }

    @Test
    void diagnosticsModePushOverridesPullSupport() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            ClientCapabilities caps = bare();
            caps.getTextDocument().setDiagnostic(new DiagnosticCapabilities());
            h.start(caps, json("{\"diagnosticsMode\":\"push\"}"), null);
            h.open(URI, TEXT);
            awaitDiagnostics(h, URI, 1);
        }
    }

    @Test
    void initializationOptionsAreASettingsFallback() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            // a client without workspace/configuration: initializationOptions are all it can give
            h.start(bare(), json("{\"rules\":{\"test/latest\":\"error\"}}"), null);
            h.open(URI, TEXT);
            assertEquals(DiagnosticSeverity.Error, awaitDiagnostics(h, URI, 1).getDiagnostics().get(0).getSeverity());
            assertTrue(h.client.configurationRequests.isEmpty(), "no configuration request to a client without it");
        }
    }

    @Test
    void initializationOptionsNestedUnderArchlensAndTurningRulesOff() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            h.start(bare(), json("{\"archlens\":{\"rules\":{\"test/*\":\"off\"}}}"), null);
            h.open(URI, TEXT);
            awaitDiagnostics(h, URI, 0);
        }
    }

    @Test
    void initializationOptionsOverrideTheProjectFileAndStayWhenConfigurationIsEmpty(@TempDir Path root)
            throws Exception {
        Files.writeString(root.resolve(".archlens.yml"), "rules:\n  test/latest: info\n");
        try (ClientHarness h = new ClientHarness()) {
            ClientCapabilities caps = bare();
            caps.getWorkspace().setConfiguration(true);
            // the client answers workspace/configuration with null (no such section), as Neovim does
            h.start(caps, json("{\"rules\":{\"test/latest\":\"hint\"}}"), root);
            ClientHarness.await("configuration request", () -> !h.client.configurationRequests.isEmpty());
            assertEquals("archlens", h.client.configurationRequests.get(0).getItems().get(0).getSection());
            h.open(root.resolve("Dockerfile").toUri().toString(), TEXT);
            String uri = root.resolve("Dockerfile").toUri().toString();
            assertEquals(DiagnosticSeverity.Hint, awaitDiagnostics(h, uri, 1).getDiagnostics().get(0).getSeverity());
        }
    }

    @Test
    void workspaceConfigurationWinsOverInitializationOptions() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            ClientCapabilities caps = bare();
            caps.getWorkspace().setConfiguration(true);
            h.client.configuration = p -> java.util.Collections.singletonList(
                    json("{\"rules\":{\"test/latest\":\"info\"}}"));
            h.start(caps, json("{\"rules\":{\"test/latest\":\"error\"}}"), null);
            h.open(URI, TEXT);
            ClientHarness.await("information severity", () -> {
                PublishDiagnosticsParams p = h.client.lastFor(URI);
                return p != null && p.getDiagnostics().size() == 1
                        && p.getDiagnostics().get(0).getSeverity() == DiagnosticSeverity.Information;
            });
        }
    }

    @Test
    void configurationAnsweredAfterTheFirstAnalysisIsStillApplied() throws Exception {
        // Emacs answers workspace/configuration while the server may already be analysing the opened file
        try (ClientHarness h = new ClientHarness()) {
            ClientCapabilities caps = bare();
            caps.getWorkspace().setConfiguration(true);
            h.client.configurationAnswer = new java.util.concurrent.CompletableFuture<>();
            h.start(caps, null, null);
            h.open(URI, TEXT);
            assertEquals(DiagnosticSeverity.Warning, awaitDiagnostics(h, URI, 1).getDiagnostics().get(0).getSeverity());
            h.client.configurationAnswer.complete(java.util.Collections.singletonList(
                    json("{\"rules\":{\"test/latest\":\"error\"}}")));
            ClientHarness.await("the late configuration to apply", () ->
                    h.client.lastFor(URI).getDiagnostics().get(0).getSeverity() == DiagnosticSeverity.Error);
        }
    }

    @Test
    void didChangeConfigurationCarriesSettingsForClientsWithoutConfigurationRequests() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            h.start(bare(), null, null);
            h.open(URI, TEXT);
            awaitDiagnostics(h, URI, 1);
            h.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    json("{\"archlens\":{\"rules\":{\"test/latest\":\"off\"}}}")));
            awaitDiagnostics(h, URI, 0);
        }
    }

    @Test
    void hoverIsPlainTextUnlessTheClientTakesMarkdown() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            h.start(bare(), null, null);
            h.open(URI, TEXT);
            awaitDiagnostics(h, URI, 1);
            Hover hv = h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI),
                    new Position(0, 12))).get(T, TimeUnit.SECONDS);
            assertEquals(MarkupKind.PLAINTEXT, hv.getContents().getRight().getKind());
            String v = hv.getContents().getRight().getValue();
            assertTrue(v.contains("test/latest"), v);
            assertFalse(v.contains("**"), "no markdown syntax in a plain-text hover: " + v);
        }
        try (ClientHarness h = new ClientHarness()) {
            ClientCapabilities caps = bare();
            HoverCapabilities hc = new HoverCapabilities();
            hc.setContentFormat(List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT));
            caps.getTextDocument().setHover(hc);
            h.start(caps, null, null);
            h.open(URI, TEXT);
            awaitDiagnostics(h, URI, 1);
            Hover hv = h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI),
                    new Position(0, 12))).get(T, TimeUnit.SECONDS);
            assertEquals(MarkupKind.MARKDOWN, hv.getContents().getRight().getKind());
            assertTrue(hv.getContents().getRight().getValue().contains("**test/latest**"));
        }
    }

    private static List<Either<Command, CodeAction>> actions(ClientHarness h, String only) throws Exception {
        CodeActionContext ctx = new CodeActionContext(List.of());
        if (only != null) {
            ctx.setOnly(List.of(only));
        }
        return h.server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(URI),
                new Range(new Position(0, 11), new Position(0, 11)), ctx)).get(T, TimeUnit.SECONDS);
    }

    @Test
    void codeActionsCarryTheirEditsSoNoResolveIsNeeded() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            ClientCapabilities caps = withLiterals(bare());
            // even a client that could resolve gets complete actions: the server offers no resolve
            caps.getTextDocument().getCodeAction().setResolveSupport(
                    new CodeActionResolveSupportCapabilities(List.of("edit")));
            InitializeResult r = h.start(caps, null, null);
            assertNotEquals(Boolean.TRUE, r.getCapabilities().getCodeActionProvider().getRight().getResolveProvider());
            h.open(URI, TEXT);
            awaitDiagnostics(h, URI, 1);
            List<Either<Command, CodeAction>> got = actions(h, "quickfix");
            assertFalse(got.isEmpty());
            CodeAction fix = got.get(0).getRight();
            assertEquals("Pin to 1.0", fix.getTitle());
            assertEquals(Boolean.TRUE, fix.getIsPreferred());
            List<TextEdit> edits = fix.getEdit().getChanges().get(URI);
            assertEquals(List.of(new TextEdit(new Range(new Position(0, 10), new Position(0, 16)), "1.0")), edits);
            for (Either<Command, CodeAction> e : got) {
                assertNotNull(e.getRight().getEdit(), "every action has its edit: " + e.getRight().getTitle());
            }
            List<Either<Command, CodeAction>> fixAll = actions(h, "source.fixAll");
            assertEquals(1, fixAll.size());
            assertEquals(ArchLensServer.FIX_ALL_KIND, fixAll.get(0).getRight().getKind());
        }
    }

    @Test
    void clientsWithoutCodeActionLiteralsGetCommandsThatApplyTheEdit() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            h.start(bare(), null, null);
            h.open(URI, TEXT);
            awaitDiagnostics(h, URI, 1);
            List<Either<Command, CodeAction>> got = actions(h, null);
            assertFalse(got.isEmpty());
            for (Either<Command, CodeAction> e : got) {
                assertTrue(e.isLeft(), "only Command results for a client without literal support");
            }
            Command c = got.get(0).getLeft();
            assertEquals("Pin to 1.0", c.getTitle());
            assertEquals(WorkspaceHandler.CMD_APPLY_EDIT, c.getCommand());
            // the client sends the command back with the argument as it received it (JSON)
            Object applied = h.server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams(c.getCommand(), c.getArguments())).get(T, TimeUnit.SECONDS);
            assertEquals(true, applied);
            assertEquals(1, h.client.applied.size());
            List<TextEdit> edits = h.client.applied.get(0).getEdit().getChanges().get(URI);
            assertEquals("1.0", edits.get(0).getNewText());
            assertEquals(new Range(new Position(0, 10), new Position(0, 16)), edits.get(0).getRange());
        }
    }

    @Test
    void fixAllCommandAppliesThroughTheClient() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            InitializeResult r = h.start(bare(), null, null);
            assertTrue(r.getCapabilities().getExecuteCommandProvider().getCommands().contains("archlens.fixAll"));
            h.open(URI, "FROM a:latest\nFROM b:latest\n");
            awaitDiagnostics(h, URI, 2);
            Object res = h.server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams("archlens.fixAll", List.of(URI))).get(T, TimeUnit.SECONDS);
            assertEquals(true, res);
            List<TextEdit> edits = h.client.applied.get(0).getEdit().getChanges().get(URI);
            assertFalse(edits.isEmpty());
        }
    }

    private static ClientCapabilities withProgress(ClientCapabilities c) {
        WindowClientCapabilities w = new WindowClientCapabilities();
        w.setWorkDoneProgress(true);
        c.setWindow(w);
        return c;
    }

    @Test
    void workDoneProgressOnlyWhenTheClientSupportsIt() throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            h.start(bare(), null, null);
            h.open(URI, TEXT);
            awaitDiagnostics(h, URI, 1);
            h.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    json("{\"rules\":{\"test/latest\":\"error\"}}")));
            ClientHarness.await("re-analysis", () ->
                    h.client.lastFor(URI).getDiagnostics().get(0).getSeverity() == DiagnosticSeverity.Error);
            h.settle();
            assertTrue(h.client.progressCreated.isEmpty(), "no window/workDoneProgress/create without support");
            assertTrue(h.client.progress.isEmpty(), "no $/progress without support");
        }
        try (ClientHarness h = new ClientHarness()) {
            h.start(withProgress(bare()), null, null);
            h.open(URI, TEXT);
            awaitDiagnostics(h, URI, 1);
            h.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                    json("{\"rules\":{\"test/latest\":\"error\"}}")));
            ClientHarness.await("progress end", () -> h.client.progress.stream()
                    .anyMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressEnd));
            assertEquals(1, h.client.progressCreated.size());
            String token = h.client.progressCreated.get(0);
            assertEquals(2, h.client.progress.size());
            assertEquals(token, h.client.progress.get(0).getToken().getLeft());
            WorkDoneProgressBegin begin = (WorkDoneProgressBegin) h.client.progress.get(0).getValue().getLeft();
            assertTrue(begin.getTitle().contains("re-analysing 1 file"), begin.getTitle());
            assertTrue(h.client.progress.get(1).getValue().getLeft() instanceof WorkDoneProgressEnd);
        }
    }

    @Test
    void statusNotificationsOnlyWhenAskedFor(@TempDir Path root) throws Exception {
        try (ClientHarness h = new ClientHarness()) {
            h.start(bare(), null, null);
            h.open(URI, TEXT);
            awaitDiagnostics(h, URI, 1);
            h.settle();
            assertTrue(h.client.statuses.isEmpty(), "archlens/status is opt-in");
        }
        try (ClientHarness h = new ClientHarness()) {
            h.start(bare(), Map.of("statusNotification", true), null);
            ClientHarness.await("idle status", () -> !h.client.statuses.isEmpty());
            assertEquals("idle", h.client.statuses.get(0).get("state").getAsString());
            h.open(URI, TEXT);
            h.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(json("{}")));
            ClientHarness.await("busy then idle", () -> h.client.statuses.size() >= 3);
            assertEquals("busy", h.client.statuses.get(1).get("state").getAsString());
            assertEquals("idle", h.client.statuses.get(2).get("state").getAsString());
        }
        // a broken project file is an error with its reason
        Files.writeString(root.resolve(".archlens.yml"), "rules: [unclosed\n");
        try (ClientHarness h = new ClientHarness()) {
            h.start(bare(), Map.of("statusNotification", true), root);
            ClientHarness.await("error status", () -> !h.client.statuses.isEmpty());
            JsonObject s = h.client.statuses.get(0);
            assertEquals("error", s.get("state").getAsString());
            assertTrue(s.get("message").getAsString().contains(".archlens.yml"), s.toString());
            assertNull(s.get("uri"));
        }
    }
}
