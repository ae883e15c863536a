package io.archlens.rules.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Fixes;
import io.archlens.analysis.Related;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx rules judge the effective configuration: includes are read from disk (relative to the configuration
 * folder or the including file, absolute /etc/nginx/ paths mapped onto the configuration folder, globs), and a
 * file that others include is judged inside them, its findings carrying the include chain as related locations.
 * The multi-file fixtures under fixtures/nginx/includes/ hold the expected findings of each file; these tests
 * check what markers cannot: related locations, fixes, and that the same text alone is judged differently.
 */
class NginxIncludesTest {
    private static final Path FIXTURES = Fixtures.fixturesDir().resolve("nginx/includes");
    private static final String HSTS = "nginx/missing-hsts";
    private static final String SERVER = "server {\n    listen 443 ssl;\n    server_name a.example.com;\n"
            + "    ssl_certificate /etc/ssl/a.pem;\n    ssl_certificate_key /etc/ssl/a.key;\n";

    @TempDir
    Path tmp;

    private static List<Finding> findings(SourceFile file, String ruleId) {
        return Fixtures.analyze(file).findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    private static SourceFile onDisk(Path p) throws IOException {
        return new SourceFile(p.toUri().toString(), p.toString(), Files.readString(p), FileKind.NGINX, 1);
    }

    /** The same text with no location on disk: judged alone, as before includes were read. */
    private static SourceFile alone(Path p) throws IOException {
        return SourceFile.of(p.getFileName().toString(), Files.readString(p), FileKind.NGINX);
    }

    private Path write(String rel, String text) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void serverWhoseSnippetAddsOtherHeadersIsReportedWithTheIncludeChainAndAFixInItsOwnFile() throws IOException {
        Path shop = FIXTURES.resolve("headers-without-hsts/conf.d/shop.conf");
        assertTrue(findings(alone(shop), HSTS).isEmpty(), "alone, the include may set HSTS: silent");
        List<Finding> found = findings(onDisk(shop), HSTS);
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(1, f.related().size(), f.related().toString());
        Related r = f.related().get(0);
        assertTrue(r.uri().endsWith("headers-without-hsts/nginx.conf"), r.uri());
        assertEquals(7, r.start().line(), "the glob include in nginx.conf's http block");
        assertTrue(r.message().contains("nginx.conf"), r.message());
        String fixed = Fixes.apply(onDisk(shop).text(), f.fixes().get(0).edits());
        assertTrue(fixed.contains("    include snippets/security-headers.conf;\n    " + MissingHstsRule.HSTS + "\n"),
                "the header goes right after the include that brings the other headers:\n" + fixed);
    }

    @Test
    void proxyHeaderFixGoesAfterTheIncludeThatSetsTheList() throws IOException {
        Path conf = FIXTURES.resolve("proxy-snippets/nginx.conf");
        List<Finding> found = findings(onDisk(conf), "nginx/proxy-missing-forwarded-for");
        assertEquals(1, found.size());
        String fixed = Fixes.apply(Files.readString(conf), found.get(0).fixes().get(0).edits());
        assertTrue(fixed.contains("            include snippets/proxy-host-only.conf;\n"
                + "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"), fixed);
        for (String rule : List.of("nginx/proxy-missing-forwarded-for", "nginx/proxy-default-timeouts",
                "nginx/keepalive-not-effective")) {
            assertTrue(findings(alone(conf), rule).isEmpty(), "alone, the snippets may set anything: " + rule);
        }
    }

    @Test
    void snippetFindingThatOnlyItsContextRevealsIsPlacedInTheSnippet() throws IOException {
        Path locations = FIXTURES.resolve("snippet-in-context/snippets/locations.conf");
        String rule = "nginx/add-header-drops-inherited";
        assertTrue(findings(alone(locations), rule).isEmpty());
        List<Finding> found = findings(onDisk(locations), rule);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("Strict-Transport-Security"), found.get(0).message());
        Related r = found.get(0).related().get(0);
        assertTrue(r.uri().endsWith("snippet-in-context/nginx.conf"), r.uri());
        assertEquals(14, r.start().line(), "include snippets/locations.conf;");
        assertEquals(8, r.start().character());
        String fixed = Fixes.apply(Files.readString(locations), found.get(0).fixes().get(0).edits());
        assertTrue(fixed.contains("    root /srv/app;\n    add_header Strict-Transport-Security \"max-age=31536000\" always;\n"
                + "    add_header X-Frame-Options DENY always;\n    add_header Cache-Control"),
                "the fix copies the including server's headers into the snippet's location:\n" + fixed);
    }

    @Test
    void includeThatSetsHstsSilencesAndOneThatDoesNotReports() throws IOException {
        Path conf = write("nginx.conf", "events {}\nhttp {\n    server_tokens off;\n" + SERVER.indent(4)
                + "        include /etc/nginx/snippets/headers.conf;\n    }\n}\n");
        write("snippets/headers.conf", "add_header Strict-Transport-Security \"max-age=31536000\" always;\n");
        assertTrue(findings(onDisk(conf), HSTS).isEmpty());
        write("snippets/headers.conf", "add_header X-Frame-Options DENY always;\n");
        assertEquals(1, findings(onDisk(conf), HSTS).size(), "a changed snippet is read again");
        Files.delete(tmp.resolve("snippets/headers.conf"));
        assertTrue(findings(onDisk(conf), HSTS).isEmpty(), "unresolvable: cautious");
    }

    @Test
    void includeRelativeToTheIncludingFileWhenTheConfigurationFolderHasNoSuchFile() throws IOException {
        write("nginx.conf", "events {}\nhttp {\n    server_tokens off;\n    include sites/*.conf;\n}\n");
        Path site = write("sites/app.conf", SERVER + "    include app-headers.conf;\n}\n");
        write("sites/app-headers.conf", "add_header X-Frame-Options DENY always;\n");
        assertEquals(1, findings(onDisk(site), HSTS).size());
        write("sites/app-headers.conf", "add_header Strict-Transport-Security \"max-age=31536000\";\n");
        assertTrue(findings(onDisk(site), HSTS).isEmpty());
    }

    @Test
    void httpLevelHeadersOfTheIncludingFileAreInherited() throws IOException {
        write("nginx.conf", "events {}\nhttp {\n    server_tokens off;\n"
                + "    add_header Strict-Transport-Security \"max-age=31536000\" always;\n    include conf.d/*.conf;\n}\n");
        Path site = write("conf.d/app.conf", SERVER + "}\n");
        assertTrue(findings(onDisk(site), HSTS).isEmpty(), "inherited from nginx.conf's http block");
        assertEquals(1, findings(alone(site), HSTS).size(), "alone, nothing is inherited");
    }

    @Test
    void siteEnabledThroughASymbolicLinkIsJudgedInTheIncludingFile() throws IOException {
        write("nginx.conf", "events {}\nhttp {\n    server_tokens off;\n"
                + "    add_header Strict-Transport-Security \"max-age=31536000\" always;\n    include sites-enabled/*;\n}\n");
        Path site = write("sites-available/app", SERVER + "}\n");
        Files.createDirectories(tmp.resolve("sites-enabled"));
        try {
            Files.createSymbolicLink(tmp.resolve("sites-enabled/app"), Path.of("../sites-available/app"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        List<Finding> alone = findings(alone(site), HSTS);
        assertEquals(1, alone.size());
        assertTrue(findings(onDisk(site), HSTS).isEmpty(), "HSTS inherited from nginx.conf through the link");
    }

    @Test
    void findingTwoIncludesDownNamesTheWholeChain() throws IOException {
        write("nginx.conf", "events {}\nhttp {\n    server_tokens off;\n    include conf.d/*.conf;\n}\n");
        write("conf.d/shop.conf", SERVER + "    add_header Strict-Transport-Security max-age=1;\n"
                + "    include snippets/tls.conf;\n}\n");
        Path tls = write("snippets/tls.conf", "ssl_protocols TLSv1.1 TLSv1.2;\n");
        List<Finding> found = findings(onDisk(tls), "nginx/weak-ssl-protocols");
        assertEquals(1, found.size());
        List<Related> chain = found.get(0).related();
        assertEquals(2, chain.size(), chain.toString());
        assertEquals(tmp.resolve("nginx.conf").toUri().toString(), chain.get(0).uri());
        assertEquals(3, chain.get(0).start().line());
        assertEquals("nginx.conf includes shop.conf here; tls.conf is judged as part of nginx.conf",
                chain.get(0).message());
        assertEquals(tmp.resolve("conf.d/shop.conf").toUri().toString(), chain.get(1).uri());
        assertEquals(6, chain.get(1).start().line());
        assertEquals("shop.conf includes tls.conf here", chain.get(1).message());
        assertEquals("TLSv1.2", Fixes.apply(Files.readString(tls), found.get(0).fixes().get(0).edits())
                .replace("ssl_protocols ", "").substring(0, 7), "the fix edits the snippet itself");
    }

    @Test
    void globWithTooManyFilesIsNotFollowed() throws IOException {
        Path conf = write("nginx.conf", "events {}\nhttp {\n    server_tokens off;\n" + SERVER.indent(4)
                + "        include headers/*.conf;\n    }\n}\n");
        for (int i = 0; i < 3; i++) {
            write("headers/h" + i + ".conf", "add_header X-H" + i + " 1;\n");
        }
        assertEquals(1, findings(onDisk(conf), HSTS).size());
        for (int i = 3; i < 70; i++) {
            write("headers/h" + i + ".conf", "add_header X-H" + i + " 1;\n");
        }
        assertTrue(findings(onDisk(conf), HSTS).isEmpty(), "more than 64 matches: unresolved, cautious");
    }

    @Test
    void deepIncludeChainsAndSelfIncludesEnd() throws IOException {
        StringBuilder conf = new StringBuilder("events {}\nhttp {\n    server_tokens off;\n" + SERVER.indent(4)
                + "        include d0.conf;\n    }\n}\n");
        Path main = write("nginx.conf", conf.toString());
        for (int i = 0; i < 12; i++) {
            write("d" + i + ".conf", "include d" + (i + 1) + ".conf;\nadd_header X-D" + i + " 1;\n");
        }
        write("d12.conf", "include d12.conf;\nadd_header Strict-Transport-Security max-age=1;\n");
        assertTrue(findings(onDisk(main), HSTS).isEmpty(), "past the depth bound the include stays unknown");
        write("d3.conf", "add_header X-D3 1;\n");
        assertEquals(1, findings(onDisk(main), HSTS).size(), "a short chain is followed to its end");
        Path d12 = tmp.resolve("d12.conf");
        assertTrue(Fixtures.analyze(onDisk(d12)).findings().isEmpty(), "a file including itself terminates");
    }
}
