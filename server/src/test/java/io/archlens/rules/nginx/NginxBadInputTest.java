package io.archlens.rules.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Analysis;
import io.archlens.analysis.CoreRules;
import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.config.Settings;
import io.archlens.filekind.FileKind;
import io.archlens.testing.Fixtures;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules on broken and huge nginx files: no rule may throw (the harness fails on any logged rule error). */
class NginxBadInputTest {
    @Test
    void everyTruncationOfTheWholeFileFixturesAnalysesWithoutRuleErrors() throws Exception {
        for (String name : List.of("nginx/nginx.conf", "nginx/conf.d/default.conf")) {
            String text = Files.readString(Fixtures.fixturesDir().resolve(name));
            for (int i = 0; i <= text.length(); i += 5) {
                Analysis a = Fixtures.analyze(Fixtures.source("nginx.conf", text.substring(0, i), FileKind.NGINX));
                for (Finding f : a.findings()) {
                    assertTrue(f.range().end() <= i, "finding past the end of the text: " + f);
                }
            }
        }
    }

    @Test
    void unbalancedBracesStillGetRuleFindings() {
        String text = "http {\n  server {\n    listen 443 ssl;\n    server_tokens on;\n    location /static {\n"
                + "      alias /srv/static/;\n";
        List<Finding> f = Fixtures.analyze(Fixtures.source("nginx.conf", text, FileKind.NGINX)).findings();
        assertEquals(3, f.stream().filter(x -> x.ruleId().equals(CoreRules.SYNTAX_ERROR.id())).count());
        assertTrue(f.stream().anyMatch(x -> x.ruleId().equals("nginx/server-tokens-on")));
        assertTrue(f.stream().anyMatch(x -> x.ruleId().equals("nginx/alias-path-traversal")));
        assertTrue(f.stream().anyMatch(x -> x.ruleId().equals("nginx/missing-hsts")),
                "an unclosed server block has no closing brace; the HSTS fix is not offered but the finding is");
    }

    @Test
    void hugeConfigOfAbout5MbIsAnalysed() {
        // One upstream per server: lookups of proxy_pass targets must stay indexed (no upstreams x locations scan).
        StringBuilder sb = new StringBuilder("events { worker_connections 4096; }\nhttp {\n  server_tokens off;\n"
                + "  upstream api { server api:8080; keepalive 32; }\n");
        int servers = 0;
        while (sb.length() < 5 * 1024 * 1024) {
            sb.append("  upstream u").append(servers).append(" { server 10.0.0.1:8080; keepalive 8; }\n")
                    .append("  server {\n    listen 80;\n    server_name s").append(servers).append(".example.com;\n")
                    .append("    add_header X-Frame-Options DENY;\n")
                    .append("    location /api/ {\n      proxy_pass http://u").append(servers).append(";\n")
                    .append("      proxy_http_version 1.1;\n")
                    .append("      proxy_set_header Connection \"\";\n      proxy_set_header Host $host;\n")
                    .append("      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    }\n")
                    .append("    location /assets/ {\n      add_header Cache-Control public;\n    }\n  }\n");
            servers++;
        }
        sb.append("}\n");
        SourceFile file = Fixtures.source("nginx.conf", sb.toString(), FileKind.NGINX);
        Settings big = Settings.fromMap(Map.of("max-file-bytes", 64L * 1024 * 1024, "max-findings-per-file", 10_000_000));
        List<Finding> f = Fixtures.analyze(file, big).findings();
        assertEquals(servers * 2L, f.size(), "one timeouts and one dropped-headers finding per server");
        assertTrue(file.lines().lineCount() > 100_000);
    }
}
