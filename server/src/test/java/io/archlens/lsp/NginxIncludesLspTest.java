package io.archlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archlens.analysis.RuleBook;
import io.archlens.core.Log;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An nginx file open in the editor is judged with the files that include it and the files it includes, read from
 * disk; its own unsaved text counts; the include chain arrives as related information.
 */
class NginxIncludesLspTest {
    private static final String RULE = "nginx/missing-hsts";
    @TempDir
    Path root;
    private LspHarness h;

    @BeforeEach
    void start() throws Exception {
        Log.setStderr(false);
        h = new LspHarness(RuleBook.loadDefault());
    }

    @AfterEach
    void stop() {
        h.close();
        Log.setStderr(true);
    }

    private static boolean has(PublishDiagnosticsParams p, String rule) {
        return p.getDiagnostics().stream().anyMatch(d -> rule.equals(d.getCode().getLeft()));
    }

    @Test
    void serverInAConfDFileIsJudgedInsideNginxConfAndFollowsItsOwnUnsavedEdits() throws Exception {
        Files.writeString(root.resolve("nginx.conf"), "events {}\nhttp {\n    server_tokens off;\n"
                + "    include conf.d/*.conf;\n}\n");
        Files.createDirectories(root.resolve("conf.d"));
        Files.createDirectories(root.resolve("snippets"));
        Files.writeString(root.resolve("snippets/headers.conf"), "add_header X-Frame-Options DENY always;\n");
        String site = "server {\n    listen 443 ssl;\n    server_name a.example.com;\n"
                + "    include snippets/headers.conf;\n}\n";
        Path sitePath = root.resolve("conf.d/site.conf");
        Files.writeString(sitePath, site);
        String uri = sitePath.toUri().toString();
        h.initialize(root.toUri().toString(), LspHarness.capabilities(false, true), null);
        h.open(uri, site);
        PublishDiagnosticsParams p = h.awaitDiagnostics(uri, x -> has(x, RULE));
        Diagnostic d = p.getDiagnostics().stream().filter(x -> RULE.equals(x.getCode().getLeft())).findFirst()
                .orElseThrow();
        assertEquals(new Position(0, 0), d.getRange().getStart());
        DiagnosticRelatedInformation rel = d.getRelatedInformation().get(0);
        assertEquals(root.resolve("nginx.conf").toUri().toString(), rel.getLocation().getUri());
        assertEquals(3, rel.getLocation().getRange().getStart().getLine());
        h.change(uri, 2, new Range(new Position(4, 0), new Position(4, 0)),
                "    add_header Strict-Transport-Security \"max-age=31536000\" always;\n");
        h.awaitDiagnostics(uri, x -> !has(x, RULE));
    }

    @Test
    void savingASnippetReanalysesTheOpenFilesThatIncludeIt() throws Exception {
        Files.createDirectories(root.resolve("snippets"));
        Path conf = root.resolve("nginx.conf");
        String confText = "events {}\nhttp {\n    server_tokens off;\n    server {\n        listen 443 ssl;\n"
                + "        include snippets/headers.conf;\n    }\n}\n";
        Files.writeString(conf, confText);
        Path snippet = root.resolve("snippets/headers.conf");
        String before = "add_header X-Frame-Options DENY always;\n";
        Files.writeString(snippet, before);
        h.initialize(root.toUri().toString(), LspHarness.capabilities(false, true), null);
        String confUri = conf.toUri().toString();
        String snippetUri = snippet.toUri().toString();
        h.open(confUri, confText);
        h.awaitDiagnostics(confUri, x -> has(x, RULE));
        h.open(snippetUri, before);
        String hsts = "add_header Strict-Transport-Security \"max-age=31536000\" always;\n";
        h.change(snippetUri, 2, new Range(new Position(1, 0), new Position(1, 0)), hsts);
        Files.writeString(snippet, before + hsts);
        h.server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(snippetUri)));
        h.awaitDiagnostics(confUri, x -> !has(x, RULE));
    }
}
