package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** .archlens.yml open in the editor: its mistakes are diagnostics on the exact key or value, with a quick fix. */
class ConfigFileLspTest {
    private static final String URI = "file:///work/app/.archlens.yml";
    private LspHarness h;

    @BeforeEach
    void start() throws Exception {
        h = LspHarness.started("file:///work/app");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void misspeltRuleIdIsUnderlinedAndReplacedByTheQuickFix() throws Exception {
        h.open(URI, "rules:\n  docker/no-latest-tags: off\ncontext:\n  replicas: many\n");
        PublishDiagnosticsParams p = h.awaitDiagnostics(URI, x -> x.getDiagnostics().size() == 2);
        Diagnostic unknown = p.getDiagnostics().stream()
                .filter(d -> d.getCode().getLeft().equals("config/unknown-rule")).findFirst().orElseThrow();
        assertEquals(new Range(new Position(1, 2), new Position(1, 23)), unknown.getRange());
        assertEquals(DiagnosticSeverity.Warning, unknown.getSeverity());
        Diagnostic invalid = p.getDiagnostics().stream()
                .filter(d -> d.getCode().getLeft().equals("config/invalid-value")).findFirst().orElseThrow();
        assertEquals(new Range(new Position(3, 12), new Position(3, 16)), invalid.getRange());
        assertEquals(DiagnosticSeverity.Error, invalid.getSeverity());

        List<Either<Command, CodeAction>> actions = h.server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(URI), unknown.getRange(), new CodeActionContext(List.of(unknown))))
                .get(10, TimeUnit.SECONDS);
        CodeAction fix = actions.stream().map(Either::getRight)
                .filter(a -> a.getTitle().equals("Replace with 'docker/no-latest-tag'")).findFirst()
                .orElseThrow(() -> new AssertionError("no replacement in " + actions));
        TextEdit edit = fix.getEdit().getDocumentChanges().get(0).getLeft().getEdits().get(0);
        assertEquals(unknown.getRange(), edit.getRange());
        assertEquals("docker/no-latest-tag", edit.getNewText());
        assertTrue(fix.getKind().equals(CodeActionKind.QuickFix), fix.getKind());
    }
}
