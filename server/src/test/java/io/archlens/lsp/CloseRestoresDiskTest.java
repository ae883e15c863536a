package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.RuleBook;
import io.archlens.core.Log;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a document gives the disk back its say and the server its memory back: after many open/change/close
 * cycles (of files on disk, files that exist only in the editor, and untitled buffers) nothing per document is
 * left, and an unsaved edit that was discarded no longer hides a cross-file finding.
 */
class CloseRestoresDiskTest {
    @TempDir
    Path root;
    private LspHarness h;

    @BeforeEach
    void start() throws Exception {
        Log.setStderr(false);
        h = new LspHarness(RuleBook.loadDefault());
        write("docker-compose.yml", "services:\n  api:\n    build: ./api\n    ports:\n      - \"8081:8081\"\n");
        write("api/Dockerfile", "FROM eclipse-temurin:21-jre\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        write("api/src/main/resources/application.yml", "server:\n  port: 8080\n");
    }

    @AfterEach
    void stop() {
        h.close();
        Log.setStderr(true);
    }

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String uri(String rel) {
        return root.resolve(rel).toUri().toString();
    }

    private static boolean mismatch(PublishDiagnosticsParams p) {
        return p != null && p.getDiagnostics().stream().anyMatch(d -> "arch/port-mismatch".equals(d.getCode().getLeft()));
    }

    private void close(String uri) {
        h.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    private static void await(BooleanSupplier cond, String what) throws InterruptedException {
        LspHarness.await(cond, what, 20);
    }

    @Test
    void afterManyCyclesNothingPerDocumentIsLeftAndTheDiskCountsAgain() throws Exception {
        h.initialize(root.toUri().toString(), LspHarness.capabilities(false, true), null);
        String compose = uri("docker-compose.yml");
        String app = uri("api/src/main/resources/application.yml");
        h.awaitDiagnostics(compose, CloseRestoresDiskTest::mismatch);
        int indexed = h.retained().get("index");
        assertTrue(indexed >= 3, h.retained().toString());

        for (int i = 0; i < 150; i++) {
            // an unsaved edit that agrees with compose hides the mismatch, then is discarded
            h.open(app, "server:\n  port: 8080\n");
            h.change(app, 2, new Range(new Position(1, 8), new Position(1, 12)), "8081");
            // a compose file that exists only in the editor, and an untitled Dockerfile
            String ghost = uri("tmp/" + i + "/docker-compose.yml");
            h.open(ghost, "services:\n  web" + i + ":\n    image: nginx:latest\n");
            h.change(ghost, 2, null, "services:\n  web" + i + ":\n    image: nginx:1.27\n    ports: [\"80:80\"]\n");
            String untitled = "untitled:Dockerfile-" + i;
            h.open(untitled, "FROM node:latest\n");
            h.change(untitled, 2, new Range(new Position(0, 9), new Position(0, Integer.MAX_VALUE)), "22\n");
            close(ghost);
            close(untitled);
            close(app);
        }
        // a request answers after every notification sent before it was handled (one message thread, in order)
        h.server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(new TextDocumentIdentifier(compose),
                new Position(0, 0))).get(20, TimeUnit.SECONDS);
        Map<String, Integer> expected = Map.of("documents", 0, "results", 0, "agent", 0, "index", indexed);
        await(() -> h.retained().equals(expected), "per-document state to drain: " + h.retained());
        await(() -> mismatch(h.client.lastDiagnostics.get(compose)), "the disk's mismatch to be published again");
        assertEquals(expected, h.retained());
    }
}
