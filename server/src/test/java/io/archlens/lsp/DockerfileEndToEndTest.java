package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real rule book over real JSON-RPC: open a Dockerfile, see findings, hover, fix, and see the finding go. */
class DockerfileEndToEndTest {
    private static final String URI = "file:///work/app/Dockerfile";
    private LspHarness h;

    @BeforeEach
    void start() throws Exception {
        h = LspHarness.started("file:///work/app");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static List<String> codes(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).sorted().toList();
    }

    /** Applies text edits the way an editor does (from the end backwards) to the client's copy. */
    private static String apply(String text, List<TextEdit> edits) {
        io.archlens.core.LineIndex li = io.archlens.core.LineIndex.of(text);
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> li.offset(e.getRange().getStart().getLine(),
                e.getRange().getStart().getCharacter())).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : sorted) {
            int s = li.offset(e.getRange().getStart().getLine(), e.getRange().getStart().getCharacter());
            int en = li.offset(e.getRange().getEnd().getLine(), e.getRange().getEnd().getCharacter());
            sb.replace(s, en, e.getNewText());
        }
        return sb.toString();
    }

    @Test
    void openHoverFixAndTheFindingGoes() throws Exception {
        String text = "FROM node:20.11-bookworm-slim\nMAINTAINER jane@example.com\nWORKDIR /app\nCOPY . .\nUSER node\n"
                + "CMD [\"node\", \"server.js\"]\n";
        h.open(URI, text);
        PublishDiagnosticsParams p = h.awaitDiagnostics(URI, x -> !x.getDiagnostics().isEmpty());
        assertTrue(codes(p).contains("docker/maintainer-deprecated"), codes(p).toString());
        Diagnostic maint = p.getDiagnostics().stream()
                .filter(d -> d.getCode().getLeft().equals("docker/maintainer-deprecated")).findFirst().orElseThrow();
        assertEquals(1, maint.getRange().getStart().getLine());
        assertEquals("archlens", maint.getSource());
        assertTrue(maint.getCodeDescription().getHref().endsWith("docker/maintainer-deprecated.md"));

        Hover hover = h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI),
                new Position(1, 3))).get(10, TimeUnit.SECONDS);
        assertNotNull(hover);
        String md = hover.getContents().getRight().getValue();
        assertTrue(md.contains("docker/maintainer-deprecated") && md.contains("LABEL"), md);

        List<Either<Command, CodeAction>> actions = h.server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(URI), maint.getRange(), new CodeActionContext(List.of(maint))))
                .get(10, TimeUnit.SECONDS);
        CodeAction fix = actions.stream().map(Either::getRight)
                .filter(a -> a.getKind().equals(CodeActionKind.QuickFix) && a.getTitle().contains("LABEL"))
                .findFirst().orElseThrow(() -> new AssertionError("no LABEL fix in " + actions));
        TextDocumentEdit tde = fix.getEdit().getDocumentChanges().get(0).getLeft();
        assertEquals(1, tde.getTextDocument().getVersion());
        String fixed = apply(text, tde.getEdits());
        assertTrue(fixed.contains("LABEL org.opencontainers.image.authors=\"jane@example.com\""), fixed);
        assertFalse(fixed.contains("MAINTAINER"));

        h.change(URI, 2, null, fixed);
        PublishDiagnosticsParams after = h.awaitDiagnostics(URI, x -> x.getVersion() == 2);
        assertFalse(codes(after).contains("docker/maintainer-deprecated"), codes(after).toString());
    }

    @Test
    void ignoreOnThisLineSilencesTheFinding() throws Exception {
        String text = "FROM node:latest\nUSER node\nCMD [\"node\", \"s.js\"]\n";
        h.open(URI, text);
        PublishDiagnosticsParams p = h.awaitDiagnostics(URI, x -> codes(x).contains("docker/no-latest-tag"));
        Diagnostic d = p.getDiagnostics().stream().filter(x -> x.getCode().getLeft().equals("docker/no-latest-tag"))
                .findFirst().orElseThrow();
        List<Either<Command, CodeAction>> actions = h.server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(URI), d.getRange(), new CodeActionContext(List.of(d)))).get(10, TimeUnit.SECONDS);
        CodeAction ignore = actions.stream().map(Either::getRight)
                .filter(a -> a.getTitle().equals("Ignore docker/no-latest-tag on this line")).findFirst().orElseThrow();
        String fixed = apply(text, ignore.getEdit().getDocumentChanges().get(0).getLeft().getEdits());
        assertTrue(fixed.startsWith("# archlens-ignore docker/no-latest-tag -- reason\nFROM node:latest\n"), fixed);
        h.change(URI, 2, null, fixed);
        PublishDiagnosticsParams after = h.awaitDiagnostics(URI, x -> x.getVersion() == 2);
        assertFalse(codes(after).contains("docker/no-latest-tag"), codes(after).toString());
        assertFalse(codes(after).contains("archlens/unused-suppression"), codes(after).toString());
    }

    @Test
    void fixAllAppliesEverySafeFixInOneEdit() throws Exception {
        String text = "FROM debian:12.5\nMAINTAINER a@b.c\nADD app /app\nRUN apt-get update && apt-get install -y curl "
                + "&& rm -rf /var/lib/apt/lists/*\nUSER app\nCMD [\"/app/run\"]\n";
        h.open(URI, text);
        h.awaitDiagnostics(URI, x -> !x.getDiagnostics().isEmpty());
        List<Either<Command, CodeAction>> actions = h.server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(URI), new Range(new Position(0, 0), new Position(0, 0)),
                new CodeActionContext(List.of(), List.of(ArchLensServer.FIX_ALL_KIND)))).get(10, TimeUnit.SECONDS);
        assertEquals(1, actions.size());
        List<TextEdit> edits = actions.get(0).getRight().getEdit().getDocumentChanges().get(0).getLeft().getEdits();
        assertEquals(1, edits.size());
        String fixed = apply(text, edits);
        assertTrue(fixed.contains("COPY app /app"), fixed);
        assertTrue(fixed.contains("LABEL org.opencontainers.image.authors"), fixed);
        assertTrue(fixed.contains("--no-install-recommends"), fixed);
        h.change(URI, 2, null, fixed);
        PublishDiagnosticsParams after = h.awaitDiagnostics(URI, x -> x.getVersion() == 2);
        for (String gone : List.of("docker/add-instead-of-copy", "docker/maintainer-deprecated",
                "docker/apt-no-install-recommends")) {
            assertFalse(codes(after).contains(gone), gone + " still in " + codes(after));
        }
    }

    @Test
    void crlfAndNonBmpEditsKeepRangesExact() throws Exception {
        String text = "FROM alpine:3.19\r\nLABEL note=\"😀 日本\"\r\nUSER app\r\nCMD [\"/app\"]\r\n";
        h.open(URI, text);
        h.awaitDiagnostics(URI, x -> true);
        // insert an ADD line after the emoji line, through an incremental edit that spans the CRLF
        h.change(URI, 2, new Range(new Position(1, 17), new Position(2, 0)), "\r\nADD 😀.txt /x\r\n");
        PublishDiagnosticsParams p = h.awaitDiagnostics(URI, x -> x.getVersion() == 2);
        Diagnostic add = p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("docker/add-instead-of-copy"))
                .findFirst().orElseThrow(() -> new AssertionError(codes(p).toString()));
        assertEquals(new Position(2, 0), add.getRange().getStart());
    }

    @Test
    void badInputGetsAtMostOneDiagnosticAndTheServerKeepsAnswering() throws Exception {
        List<String[]> cases = List.of(
                new String[] {"file:///work/a/Dockerfile", "\0\1\2binary\0garbage"},
                new String[] {"file:///work/b/Dockerfile", "FROM alpine:3.19\nRUN " + "echo x \\\n".repeat(10_000) + "\n"},
                new String[] {"file:///work/c/Dockerfile", "FROM alpine:3.19\nRUN <<EOF\necho never closed\n"},
                new String[] {"file:///work/d/Dockerfile", ""},
                new String[] {"file:///work/e/Dockerfile", "# big\n" + "x".repeat(5 * 1024 * 1024)});
        for (String[] c : cases) {
            h.open(c[0], c[1]);
        }
        for (String[] c : cases) {
            PublishDiagnosticsParams p = h.awaitDiagnostics(c[0], x -> true);
            // at most one diagnostic about the input itself (rule findings on what could be read are fine)
            long aboutInput = codes(p).stream().filter(code -> code.startsWith("archlens/")).count();
            assertTrue(aboutInput <= 1, c[0] + ": " + codes(p));
            if (c[0].contains("/a/") || c[0].contains("/d/") || c[0].contains("/e/")) {
                assertTrue(p.getDiagnostics().size() <= 1, c[0] + ": " + codes(p));
            }
        }
        // still answering requests
        Hover hv = h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(cases.get(4)[0]),
                new Position(0, 0))).get(10, TimeUnit.SECONDS);
        assertNotNull(hv, "the huge file's not-analyzed hint is hoverable");
        PublishDiagnosticsParams huge = h.client.lastDiagnostics.get(cases.get(4)[0]);
        assertEquals("archlens/not-analyzed", huge.getDiagnostics().get(0).getCode().getLeft());
        PublishDiagnosticsParams heredoc = h.client.lastDiagnostics.get(cases.get(2)[0]);
        assertTrue(codes(heredoc).contains("archlens/syntax-error"), codes(heredoc).toString());
    }
}
