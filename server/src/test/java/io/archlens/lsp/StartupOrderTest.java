package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.RuleBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server answers initialize while its rule book is still loading; the first analysis waits for the book. */
class StartupOrderTest {
    @Test
    void initializeIsAnsweredBeforeTheRuleBookAndTheFirstFileWaitsForIt(@TempDir Path dir) throws Exception {
        Path dockerfile = dir.resolve("Dockerfile");
        Files.writeString(dockerfile, "FROM node:latest\nUSER root\n");
        CompletableFuture<RuleBook> book = new CompletableFuture<>();
        try (LspHarness h = new LspHarness(book, RuleBook.defaultHasProjectRules())) {
            InitializeResult r = h.initialize(dir.toUri().toString(), LspHarness.capabilities(false, true), null);
            assertFalse(book.isDone(), "initialize was answered without the rule book");
            assertNotNull(r.getCapabilities().getDiagnosticProvider(), "capabilities announced");
            assertTrue(r.getCapabilities().getDiagnosticProvider().isInterFileDependencies(),
                    "cross-file capabilities known before the book is loaded");

            String uri = dockerfile.toUri().toString();
            h.open(uri, Files.readString(dockerfile));
            assertNull(h.client.diagnostics.poll(300, TimeUnit.MILLISECONDS), "nothing analysed without the book");

            book.complete(RuleBook.loadDefault());
            PublishDiagnosticsParams p = h.awaitDiagnostics(uri, d -> !d.getDiagnostics().isEmpty());
            assertTrue(p.getDiagnostics().stream().anyMatch(d -> String.valueOf(d.getCode().get()).startsWith("docker/")),
                    "the Dockerfile's findings once the book is there: " + p.getDiagnostics());
        }
    }
}
