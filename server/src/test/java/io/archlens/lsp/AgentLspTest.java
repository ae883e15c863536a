package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKindCapabilities;
import org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.Test;

/**
 * The agent inside the real server, end to end over JSON-RPC, with a MockWebServer as the OpenAI-compatible
 * provider: rule-book diagnostics are published first and never wait; agent findings merge in later.
 */
class AgentLspTest {
    private static final String URI = "file:///w/Dockerfile";
    private static final String TEXT = "FROM node:latest\nRUN npm install\nENV NPM_TOKEN=npm_s3cr3tvalue123\n";
    private static final String KEY = "sk-test-CLIENTKEY0123456789abcdef";
    private static final long T = ClientHarness.WAIT.toSeconds();
    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    final MockWebServer provider = new MockWebServer();

    static ClientCapabilities caps() {
        ClientCapabilities c = new ClientCapabilities();
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        HoverCapabilities hover = new HoverCapabilities();
        hover.setContentFormat(List.of("markdown"));
        td.setHover(hover);
        CodeActionCapabilities ca = new CodeActionCapabilities();
        ca.setCodeActionLiteralSupport(new CodeActionLiteralSupportCapabilities(
                new CodeActionKindCapabilities(List.of("quickfix", "source"))));
        td.setCodeAction(ca);
        c.setTextDocument(td);
        c.setWorkspace(new WorkspaceClientCapabilities());
        WindowClientCapabilities w = new WindowClientCapabilities();
        w.setWorkDoneProgress(true);
        c.setWindow(w);
        return c;
    }

    Map<String, Object> initOptions(boolean onType) {
        String base = provider.url("/v1").toString();
        Map<String, Object> agent = new java.util.LinkedHashMap<>();
        agent.put("enabled", true);
        agent.put("provider", "openai");
        agent.put("baseUrl", base);
        agent.put("model", "gpt-test");
        agent.put("triggers", Map.of("onSave", true, "onType", onType));
        agent.put("debounceMs", 600); // well above a burst of edits even on a loaded machine
        return Map.of("agent", agent, "agentApiKey", KEY);
    }

    static String answer() {
        ObjectNode f = JSON.createObjectNode();
        f.put("rule", "npm-install-not-reproducible").put("category", "reliability").put("severity", "warning")
                .put("message", "npm install ignores the lockfile; use npm ci for reproducible builds"
                        + " ![x](https://t.example/leak?q=1) [run](command:workbench.action.terminal.new)")
                .put("explanation", "`npm ci` installs exactly what `package-lock.json` says. ![x](https://t.example/p.png)")
                .put("confidence", 0.9);
        f.putObject("anchor").put("quote", "RUN npm install").put("line_hint", 2);
        ObjectNode fix = f.putObject("fix").put("title", "Use npm ci");
        fix.putArray("edits").addObject().put("search", "RUN npm install").put("replace", "RUN npm ci");
        ObjectNode dup = JSON.createObjectNode();
        dup.put("rule", "unpinned-base-image").put("category", "reliability").put("severity", "warning")
                .put("message", "node:latest moves").put("explanation", "pin it").put("confidence", 0.9);
        dup.putObject("anchor").put("quote", "node:latest").put("line_hint", 1);
        dup.putNull("fix");
        ObjectNode root = JSON.createObjectNode();
        root.putArray("findings").add(f).add(dup);
        return root.toString();
    }

    static MockResponse completion(String content) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode c = root.putArray("choices").addObject();
        c.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        c.put("finish_reason", "stop");
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50);
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(root.toString()).build();
    }

    private static List<PublishDiagnosticsParams> publishes(ClientHarness h) {
        List<PublishDiagnosticsParams> out = new ArrayList<>();
        for (PublishDiagnosticsParams p : h.client.diagnostics) {
            if (p.getUri().equals(URI)) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void ruleFindingsFirstThenAgentFindingsMergeInOnSave() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(T, TimeUnit.SECONDS); // the provider is slow: the rule book must not wait for it
                return completion(answer());
            }
        });
        try (ClientHarness h = new ClientHarness()) {
            h.start(caps(), initOptions(false), null);
            h.open(URI, TEXT);
            ClientHarness.await("rule-book diagnostics", () -> !publishes(h).isEmpty());
            List<Diagnostic> first = publishes(h).get(0).getDiagnostics();
            assertEquals(List.of("test/latest"), first.stream().map(d -> d.getCode().getLeft()).toList());
            assertEquals(0, provider.getRequestCount(), "opening does not call the agent");

            h.server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(URI)));
            ClientHarness.await("the provider call", () -> provider.getRequestCount() == 1);
            ClientHarness.await("progress begin", () -> h.client.progress.stream()
                    .anyMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressBegin b && b.getTitle().contains("Dockerfile")));
            release.countDown();
            ClientHarness.await("merged diagnostics", () -> publishes(h).size() >= 2
                    && publishes(h).get(publishes(h).size() - 1).getDiagnostics().size() == 2);
            ClientHarness.await("progress end", () -> h.client.progress.stream()
                    .anyMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressEnd));

            PublishDiagnosticsParams merged = publishes(h).get(publishes(h).size() - 1);
            assertEquals(1, merged.getVersion());
            Diagnostic rule = merged.getDiagnostics().get(0);
            Diagnostic agent = merged.getDiagnostics().get(1);
            assertEquals("test/latest", rule.getCode().getLeft());
            assertEquals("archlens", rule.getSource());
            assertEquals("agent/npm-install-not-reproducible", agent.getCode().getLeft());
            assertEquals("archlens/backend-architecture-expert", agent.getSource());
            assertEquals(new Range(new Position(1, 0), new Position(1, 15)), agent.getRange());
            // the agent's "unpinned-base-image" overlaps test/latest of the same category: the rule book wins

            // what was sent: redacted, with the client's key only in the header
            RecordedRequest sent = provider.takeRequest();
            assertEquals("Bearer " + KEY, sent.getHeaders().get("Authorization"));
            assertFalse(sent.getBody().utf8().contains("npm_s3cr3tvalue123"));
            assertTrue(sent.getBody().utf8().contains("test/latest"), "the rule book's findings are listed for the agent");

            var hover = h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI),
                    new Position(1, 5))).get(T, TimeUnit.SECONDS);
            String md = hover.getContents().getRight().getValue();
            assertTrue(md.contains("agent/npm-install-not-reproducible") && md.contains("npm ci"), md);
            assertFalse(md.contains("t.example"), "images are stripped from agent messages and explanations: " + md);
            assertFalse(md.contains("command:"), "links too: " + md);
            assertTrue(agent.getMessage().endsWith("reproducible builds x run"), agent.getMessage());

            CodeActionParams cap = new CodeActionParams(new TextDocumentIdentifier(URI),
                    new Range(new Position(1, 0), new Position(1, 3)), new CodeActionContext(List.of()));
            List<String> titles = new ArrayList<>();
            for (var e : h.server.getTextDocumentService().codeAction(cap).get(T, TimeUnit.SECONDS)) {
                CodeAction a = e.getRight();
                titles.add(a.getTitle());
            }
            assertTrue(titles.contains("Use npm ci (agent)"), titles.toString());
            assertTrue(titles.contains("Review this file with the architecture agent"), titles.toString());

            // saving again without a change is a cache hit: no second call
            h.server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(URI)));
            h.settle();
            assertEquals(1, provider.getRequestCount());
        }
    }

    @Test
    void reviewAndPreviewCommandsAndCancellation() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                release.await(T, TimeUnit.SECONDS);
                return completion(answer());
            }
        });
        try (ClientHarness h = new ClientHarness()) {
            h.start(caps(), initOptions(false), null);
            h.open(URI, TEXT);
            ClientHarness.await("rule-book diagnostics", () -> !publishes(h).isEmpty());

            Object preview = h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    WorkspaceHandler.CMD_PREVIEW_PAYLOAD, List.of(URI))).get(T, TimeUnit.SECONDS);
            Map<?, ?> p = (Map<?, ?>) preview;
            assertEquals(Boolean.TRUE, p.get("wouldSend"));
            assertFalse(((String) p.get("body")).contains("npm_s3cr3tvalue123"));
            assertTrue(((String) p.get("body")).contains("<REDACTED-1>"));
            assertFalse(((String) p.get("text")).contains(KEY));
            assertEquals(0, provider.getRequestCount(), "a preview sends nothing");

            CompletableFuture<Object> review = h.server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams(WorkspaceHandler.CMD_REVIEW_FILE, List.of(URI)));
            assertTrue(arrived.await(T, TimeUnit.SECONDS));
            review.cancel(true); // the client sends $/cancelRequest
            ClientHarness.await("the review's progress to end", () -> h.client.progress.stream()
                    .anyMatch(x -> x.getValue().getLeft() instanceof WorkDoneProgressEnd));
            release.countDown();
            h.settle();
            assertEquals(1, publishes(h).size(), "a cancelled review publishes nothing");

            CompletableFuture<Object> again = h.server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams(WorkspaceHandler.CMD_REVIEW_FILE, List.of(URI)));
            Map<?, ?> r = (Map<?, ?>) again.get(T, TimeUnit.SECONDS);
            assertEquals("ok", r.get("status"));
            assertEquals(2, ((Number) r.get("findings")).intValue());
            ClientHarness.await("merged diagnostics", () -> publishes(h).get(publishes(h).size() - 1).getDiagnostics().size() == 2);
        }
    }

    @Test
    void agentFindingsFollowEditsAndOnTypeIsDebounced() throws Exception {
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return completion(answer());
            }
        });
        try (ClientHarness h = new ClientHarness()) {
            h.start(caps(), initOptions(true), null);
            h.open(URI, TEXT);
            for (int v = 2; v <= 6; v++) {
                h.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(URI, v), List.of(new TextDocumentContentChangeEvent(
                                new Range(new Position(2, 0), new Position(2, 0)), "#"))));
            }
            ClientHarness.await("agent findings for the last version", () -> {
                PublishDiagnosticsParams last = h.client.lastFor(URI);
                return last != null && last.getVersion() == 6 && last.getDiagnostics().size() == 2;
            });
            h.settle();
            assertEquals(1, provider.getRequestCount(), "five quick edits, one review");

            // an edit below the agent's finding keeps it (moved with the text) until the next review
            h.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(URI, 7), List.of(new TextDocumentContentChangeEvent(
                            new Range(new Position(0, 0), new Position(0, 0)), "# syntax=docker/dockerfile:1\n"))));
            ClientHarness.await("version 7", () -> h.client.lastFor(URI).getVersion() == 7);
            Diagnostic agent = h.client.lastFor(URI).getDiagnostics().stream()
                    .filter(d -> d.getSource().startsWith("archlens/")).findFirst().orElseThrow();
            assertEquals(2, agent.getRange().getStart().getLine());
        }
    }

    @Test
    void untrustedWorkspaceNeverCallsTheProvider() throws Exception {
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return completion(answer());
            }
        });
        try (ClientHarness h = new ClientHarness()) {
            Map<String, Object> opts = new java.util.HashMap<>(initOptions(true));
            opts.put("trustedWorkspace", false);
            h.start(caps(), opts, null);
            h.open(URI, TEXT);
            h.server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(URI)));
            Map<?, ?> r = (Map<?, ?>) h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    WorkspaceHandler.CMD_REVIEW_FILE, List.of(URI))).get(T, TimeUnit.SECONDS);
            assertEquals("skipped", r.get("status"));
            assertTrue(((String) r.get("message")).contains("untrusted"));
            h.settle();
            assertEquals(0, provider.getRequestCount());
            assertTrue(h.client.logs.stream().noneMatch(m -> m.getMessage().contains(KEY)));
        }
    }

    @Test
    void circuitBreakerIsShownOnceWithTheReason() throws Exception {
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"type\":\"invalid_request_error\"}}")
                        .build();
            }
        });
        try (ClientHarness h = new ClientHarness()) {
            h.start(caps(), initOptions(false), null);
            h.open(URI, TEXT);
            for (int i = 0; i < 3; i++) {
                h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                        WorkspaceHandler.CMD_REVIEW_FILE, List.of(URI))).get(T, TimeUnit.SECONDS);
            }
            h.settle();
            // one showMessage (and its copy in the log), not one per failed review
            List<String> shown = h.client.logs.stream().filter(m -> m.getType() == MessageType.Warning
                    && m.getMessage().startsWith("ArchLens agent paused")).map(m -> m.getMessage()).toList();
            assertEquals(1, shown.stream().distinct().count(), h.client.logs.toString());
            assertTrue(shown.size() <= 2, shown.toString());
            assertTrue(shown.get(0).contains("invalid_request_error"), shown.get(0));
            assertEquals(1, provider.getRequestCount(), "401 is not retried and opens the breaker");
            assertTrue(h.client.logs.stream().noneMatch(m -> m.getMessage().contains(KEY)), "the key never reaches the client's log");
        }
    }
}
