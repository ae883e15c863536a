package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.RuleBook;
import io.archlens.analysis.TestPack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Protocol behaviour over real JSON-RPC, with a small test pack (kind: dotenv, rules test/todo, test/fixme). */
class ServerProtocolTest {
    private static final String URI = "file:///w/.env";
    private LspHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new LspHarness(new RuleBook(List.of(new TestPack())));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static List<String> codes(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.getCode().getLeft() + "@" + d.getRange().getStart().getLine() + ":"
                + d.getRange().getStart().getCharacter() + "-" + d.getRange().getEnd().getCharacter()).toList();
    }

    @Test
    void pushDiagnosticsFollowIncrementalEditsWithCrlfAndSurrogatePairs() throws Exception {
        h.initialize("file:///w", LspHarness.capabilities(false, true), null);
        h.open(URI, "A=😀 TODO\r\nB=1\r\n");
        PublishDiagnosticsParams p = h.awaitDiagnostics(URI, x -> !x.getDiagnostics().isEmpty());
        // "A=" 2 units, emoji 2 units, space: TODO starts at UTF-16 column 5
        assertEquals(List.of("test/todo@0:5-9"), codes(p.getDiagnostics()));
        Diagnostic d = p.getDiagnostics().get(0);
        assertEquals("archlens", d.getSource());
        assertEquals(DiagnosticSeverity.Warning, d.getSeverity());
        assertTrue(d.getCodeDescription().getHref().endsWith("test/todo.md"));
        // insert a CJK line with a FIXME before line 1, across the CRLF
        h.change(URI, 2, new Range(new Position(0, 9), new Position(1, 0)), "\r\n日本 FIXME\r\n");
        p = h.awaitDiagnostics(URI, x -> x.getVersion() == 2);
        assertEquals(List.of("test/todo@0:5-9", "test/fixme@1:3-8"), codes(p.getDiagnostics()));
    }

    @Test
    void aDocumentArchLensDoesNotAnalyseIsNotedOnceInTheLogWithoutDiagnostics() throws Exception {
        h.initialize("file:///w", LspHarness.capabilities(false, true), null);
        String readme = "file:///w/chart/values.yaml";
        h.open(readme, "replicaCount: 2\n");
        h.server.getTextDocumentService().didClose(new org.eclipse.lsp4j.DidCloseTextDocumentParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier(readme)));
        h.open(readme, "replicaCount: 3\n");
        h.open(URI, "A=TODO\n"); // analysed: a diagnostic, and no note
        h.awaitDiagnostics(URI, x -> !x.getDiagnostics().isEmpty());
        List<String> notes = h.client.logs.stream().map(m -> m.getMessage())
                .filter(m -> m.contains("not analysed:")).toList();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("chart/values.yaml: YAML/JSON that is none of Compose")
                && notes.get(0).contains("[unknown-kind]"), notes.get(0));
        assertTrue(h.client.published.stream().filter(p -> p.getUri().equals(readme))
                .allMatch(p -> p.getDiagnostics().isEmpty()), "no diagnostic for it");
    }

    @Test
    void aFailingRuleIsLoggedToTheClientAndOthersStillArrive() throws Exception {
        h.initialize("file:///w", LspHarness.capabilities(false, true), null);
        h.open(URI, "A=TODO\n");
        PublishDiagnosticsParams p = h.awaitDiagnostics(URI, x -> !x.getDiagnostics().isEmpty());
        assertEquals(1, p.getDiagnostics().size());
        long deadline = System.currentTimeMillis() + 5000;
        while (h.client.logs.stream().noneMatch(m -> m.getMessage().contains("test/boom"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(h.client.logs.stream().anyMatch(m -> m.getType() == MessageType.Error
                && m.getMessage().contains("rule test/boom failed")), h.client.logs.toString());
    }

    @Test
    void pullDiagnosticsAnswerUnchangedWhenNothingChanged() throws Exception {
        InitializeResult init = h.initialize("file:///w", LspHarness.capabilities(true, true), null);
        assertNotNull(init.getCapabilities().getDiagnosticProvider());
        h.open(URI, "A=TODO\n");
        var tds = h.server.getTextDocumentService();
        DocumentDiagnosticReport r1 = tds.diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI)))
                .get(5, TimeUnit.SECONDS);
        assertTrue(r1.isLeft());
        String id = r1.getLeft().getResultId();
        assertEquals(1, r1.getLeft().getItems().size());
        // an edit that changes nothing visible keeps the result id
        h.change(URI, 2, new Range(new Position(0, 6), new Position(0, 6)), "");
        DocumentDiagnosticParams again = new DocumentDiagnosticParams(new TextDocumentIdentifier(URI));
        again.setPreviousResultId(id);
        DocumentDiagnosticReport r2 = tds.diagnostic(again).get(5, TimeUnit.SECONDS);
        assertTrue(r2.isRight(), "expected unchanged");
        assertEquals(id, r2.getRight().getResultId());
        h.change(URI, 3, new Range(new Position(0, 2), new Position(0, 6)), "ok");
        DocumentDiagnosticReport r3 = tds.diagnostic(again).get(5, TimeUnit.SECONDS);
        assertTrue(r3.isLeft());
        assertEquals(0, r3.getLeft().getItems().size());
        // no pushes in pull mode
        assertTrue(h.client.diagnostics.isEmpty());
    }

    @Test
    void hoverIsMarkdownOrPlainTextAsTheClientDeclares() throws Exception {
        h.initialize("file:///w", LspHarness.capabilities(false, true), null);
        h.open(URI, "A=TODO\n");
        h.awaitDiagnostics(URI, x -> !x.getDiagnostics().isEmpty());
        Hover hover = h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI),
                new Position(0, 3))).get(5, TimeUnit.SECONDS);
        assertEquals(MarkupKind.MARKDOWN, hover.getContents().getRight().getKind());
        assertTrue(hover.getContents().getRight().getValue().contains("**test/todo**"));
        assertNull(h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI),
                new Position(0, 0))).get(5, TimeUnit.SECONDS));

        LspHarness plain = new LspHarness(new RuleBook(List.of(new TestPack())));
        try {
            plain.initialize("file:///w", LspHarness.capabilities(false, false), null);
            plain.open(URI, "A=TODO\n");
            Hover ph = plain.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI),
                    new Position(0, 3))).get(5, TimeUnit.SECONDS);
            assertEquals(MarkupKind.PLAINTEXT, ph.getContents().getRight().getKind());
            assertFalse(ph.getContents().getRight().getValue().contains("**"));
        } finally {
            plain.close();
        }
    }

    @Test
    void codeActionsOfferTheFixAndBothSuppressionsAndFixAll() throws Exception {
        h.initialize("file:///w", LspHarness.capabilities(false, true), null);
        h.open(URI, "  A=TODO\nB=TODO\n");
        h.awaitDiagnostics(URI, x -> !x.getDiagnostics().isEmpty());
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(URI),
                new Range(new Position(0, 4), new Position(0, 4)), new CodeActionContext(List.of()));
        List<Either<Command, CodeAction>> actions = h.server.getTextDocumentService().codeAction(params).get(5, TimeUnit.SECONDS);
        List<String> titles = actions.stream().map(a -> a.getRight().getTitle()).toList();
        assertEquals(List.of("Write DONE", "Ignore test/todo on this line", "Ignore test/todo in this file",
                "Fix all safe ArchLens problems"), titles);
        CodeAction fix = actions.get(0).getRight();
        assertTrue(fix.getIsPreferred());
        TextDocumentEdit tde = fix.getEdit().getDocumentChanges().get(0).getLeft();
        assertEquals(1, tde.getTextDocument().getVersion());
        assertEquals("DONE", tde.getEdits().get(0).getNewText());
        TextEdit ignore = actions.get(1).getRight().getEdit().getDocumentChanges().get(0).getLeft().getEdits().get(0);
        assertEquals("  # archlens-ignore test/todo -- reason\n", ignore.getNewText());
        assertEquals(new Position(0, 0), ignore.getRange().getStart());
        TextEdit all = actions.get(3).getRight().getEdit().getDocumentChanges().get(0).getLeft().getEdits().get(0);
        assertEquals("DONE\nB=DONE", all.getNewText());

        // only: source.fixAll.archlens returns just fix-all
        CodeActionParams onlyFixAll = new CodeActionParams(new TextDocumentIdentifier(URI),
                new Range(new Position(0, 0), new Position(0, 0)), new CodeActionContext(List.of(), List.of("source.fixAll")));
        List<Either<Command, CodeAction>> fa = h.server.getTextDocumentService().codeAction(onlyFixAll).get(5, TimeUnit.SECONDS);
        assertEquals(1, fa.size());
        assertEquals(ArchLensServer.FIX_ALL_KIND, fa.get(0).getRight().getKind());
    }

    @Test
    void configurationFromTheClientTurnsRulesOff() throws Exception {
        h.client.configuration = Map.of("rules", Map.of("test/todo", "off"));
        h.initialize("file:///w", LspHarness.capabilities(false, true), null);
        h.open(URI, "A=TODO FIXME\n");
        PublishDiagnosticsParams p = h.awaitDiagnostics(URI, x -> x.getDiagnostics().size() == 1);
        assertEquals("test/fixme", p.getDiagnostics().get(0).getCode().getLeft());
    }

    @Test
    void initializationOptionsAreASettingsFallback() throws Exception {
        ClientCapabilities caps = LspHarness.capabilities(false, true);
        caps.getWorkspace().setConfiguration(false);
        h.initialize("file:///w", caps, Map.of("rules", Map.of("test/fixme", "error")));
        h.open(URI, "A=FIXME\n");
        PublishDiagnosticsParams p = h.awaitDiagnostics(URI, x -> !x.getDiagnostics().isEmpty());
        assertEquals(DiagnosticSeverity.Error, p.getDiagnostics().get(0).getSeverity());
    }

    @Test
    void shutdownThenExit() throws Exception {
        h.initialize("file:///w", LspHarness.capabilities(false, true), null);
        assertNull(h.server.shutdown().get(5, TimeUnit.SECONDS));
        h.server.exit();
        long deadline = System.currentTimeMillis() + 5000;
        while (!h.exited && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(h.exited);
    }

    @Test
    void aBurstOfEditsIsCoalesced() throws Exception {
        h.initialize("file:///w", LspHarness.capabilities(false, true), null);
        h.open(URI, "A=\n");
        h.awaitDiagnostics(URI, x -> true);
        for (int v = 2; v <= 40; v++) {
            h.change(URI, v, new Range(new Position(0, 2), new Position(0, 2)), "x");
        }
        h.change(URI, 41, new Range(new Position(0, 2), new Position(0, 2)), "TODO ");
        PublishDiagnosticsParams last = h.awaitDiagnostics(URI, x -> x.getVersion() == 41);
        assertEquals(1, last.getDiagnostics().size());
        // fewer publishes than edits: superseded versions were skipped
        assertTrue(h.client.diagnostics.size() < 39, "published " + h.client.diagnostics.size());
    }
}
