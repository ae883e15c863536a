package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.RuleBook;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code meets configuration over JSON-RPC: editing Java code changes the cross-file findings of a Compose file. */
class CodeLspTest {
    @TempDir
    Path root;
    private LspHarness h;
    private String composeUri;
    private String codeUri;
    private static final String CODE = "package shop;\n\nclass Client {\n    String token = \"none\";\n}\n";

    @BeforeEach
    void start() throws Exception {
        h = new LspHarness(RuleBook.loadDefault());
        write("docker-compose.yml", "services:\n  api:\n    build: ./api\n    environment:\n      LOG_LEVEL: info\n");
        write("api/Dockerfile", "FROM eclipse-temurin:21-jre\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        write("api/src/main/java/shop/Client.java", CODE);
        composeUri = root.resolve("docker-compose.yml").toUri().toString();
        codeUri = root.resolve("api/src/main/java/shop/Client.java").toUri().toString();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static boolean has(PublishDiagnosticsParams p, String rule) {
        return p.getDiagnostics().stream().anyMatch(d -> rule.equals(d.getCode().getLeft()));
    }

    @Test
    void anEnvironmentReadInTheCodeFlagsTheComposeFileUntilTheVariableHasADefault() throws Exception {
        ClientCapabilities caps = LspHarness.capabilities(false, true);
        caps.getWorkspace().setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        h.initialize(root.toUri().toString(), caps, null);
        h.open(codeUri, CODE);
        h.awaitDiagnostics(codeUri, x -> x.getVersion() != null && x.getVersion() == 1);
        // the code starts reading TOKEN, which nothing sets for the service: the (closed) Compose file gets the finding
        Range literal = new Range(new Position(3, 19), new Position(3, 25));
        h.change(codeUri, 2, literal, "System.getenv(\"TOKEN\")");
        PublishDiagnosticsParams p = h.awaitDiagnostics(composeUri, x -> has(x, "arch/env-not-provided"));
        Diagnostic d = p.getDiagnostics().stream().filter(x -> "arch/env-not-provided".equals(x.getCode().getLeft()))
                .findFirst().orElseThrow();
        assertTrue(d.getMessage().contains("TOKEN"), d.getMessage());
        assertTrue(d.getRelatedInformation().stream().anyMatch(r -> r.getLocation().getUri().equals(codeUri)),
                "points at the read: " + d.getRelatedInformation());
        // a default in the code fixes it: the finding leaves the Compose file
        h.change(codeUri, 3, new Range(new Position(3, 19), new Position(3, 41)),
                "System.getenv().getOrDefault(\"TOKEN\", \"none\")");
        h.awaitDiagnostics(composeUri, x -> !has(x, "arch/env-not-provided"));
    }
}
