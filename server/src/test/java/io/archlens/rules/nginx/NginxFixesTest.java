package io.archlens.rules.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.Fix;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import io.archlens.syntax.nginx.NginxConfig;
import io.archlens.syntax.nginx.NginxParser;
import io.archlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Before/after for every nginx quick fix; each result must parse cleanly and no longer trigger the rule. */
class NginxFixesTest {
    private static final String PATH = "nginx/site.conf";

    private static SourceFile src(String text) {
        return Fixtures.source(PATH, text, FileKind.NGINX);
    }

    private static List<Finding> findings(String text, String ruleId) {
        return Fixtures.analyze(src(text)).findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** Applies the rule's first fix, checks the expected text, a clean re-parse and that the finding is gone. */
    private static void check(String before, String ruleId, String after) {
        String fixed = Fixtures.applyFix(src(before), ruleId, null);
        assertEquals(after, fixed, "fix for " + ruleId);
        Parsed<NginxConfig> p = NginxParser.parse(fixed);
        assertTrue(p.issues().isEmpty(), "fixed text has syntax errors: " + p.issues());
        assertEquals(findings(before, ruleId).size() - 1, findings(fixed, ruleId).size(),
                "the fixed finding should be gone: " + findings(fixed, ruleId));
    }

    private static Fix firstFix(String text, String ruleId) {
        return findings(text, ruleId).get(0).fixes().get(0);
    }

    @Test
    void serverTokensOnBecomesOff() {
        check("server_tokens on;\n", "nginx/server-tokens-on", "server_tokens off;\n");
        assertTrue(firstFix("server_tokens on;\n", "nginx/server-tokens-on").safe());
    }

    @Test
    void serverTokensMissingInsertsWithTheBlocksIndentation() {
        check("events {}\nhttp {\n    include mime.types;\n    server { listen 80; }\n}\n",
                "nginx/server-tokens-missing",
                "events {}\nhttp {\n    server_tokens off;\n    include mime.types;\n    server { listen 80; }\n}\n");
    }

    @Test
    void serverTokensMissingWithTabsAndCrlf() {
        check("events {}\r\nhttp {\r\n\tinclude mime.types;\r\n}\r\n", "nginx/server-tokens-missing",
                "events {}\r\nhttp {\r\n\tserver_tokens off;\r\n\tinclude mime.types;\r\n}\r\n");
    }

    @Test
    void serverTokensMissingInAnEmptyBlockUsesTheFileIndentUnit() {
        check("events {\n  worker_connections 2048;\n}\nhttp {\n}\n", "nginx/server-tokens-missing",
                "events {\n  worker_connections 2048;\n}\nhttp {\n  server_tokens off;\n}\n");
    }

    @Test
    void weakProtocolsAreReplaced() {
        check("ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n", "nginx/weak-ssl-protocols", "ssl_protocols TLSv1.2 TLSv1.3;\n");
        assertFalse(firstFix("ssl_protocols TLSv1;\n", "nginx/weak-ssl-protocols").safe());
    }

    @Test
    void weakCiphersKeepTheQuoteStyle() {
        check("ssl_ciphers 'RC4:HIGH';\n", "nginx/weak-ssl-ciphers",
                "ssl_ciphers '" + WeakSslCiphersRule.MODERN + "';\n");
    }

    @Test
    void hstsIsAddedAfterTheTlsSettings() {
        check("server {\n    listen 443 ssl;\n    ssl_certificate a.pem;\n\n    location / {\n        root /srv;\n    }\n}\n",
                "nginx/missing-hsts",
                "server {\n    listen 443 ssl;\n    ssl_certificate a.pem;\n"
                        + "    add_header Strict-Transport-Security \"max-age=31536000\" always;\n\n"
                        + "    location / {\n        root /srv;\n    }\n}\n");
    }

    @Test
    void hstsFixRepeatsInheritedHeadersSoTheyAreNotDropped() {
        String before = "http {\n    server_tokens off;\n    add_header X-Frame-Options DENY;\n"
                + "    server {\n        listen 443 ssl;\n    }\n}\n";
        check(before, "nginx/missing-hsts", "http {\n    server_tokens off;\n    add_header X-Frame-Options DENY;\n"
                + "    server {\n        listen 443 ssl;\n        add_header X-Frame-Options DENY;\n"
                + "        add_header Strict-Transport-Security \"max-age=31536000\" always;\n    }\n}\n");
        String fixed = Fixtures.applyFix(src(before), "nginx/missing-hsts", null);
        assertTrue(findings(fixed, "nginx/add-header-drops-inherited").isEmpty());
    }

    @Test
    void droppedHeadersAreRepeatedInTheNestedBlock() {
        check("server {\n    add_header X-Frame-Options DENY always;\n    location /a/ {\n"
                        + "        add_header Cache-Control no-store;\n    }\n}\n",
                "nginx/add-header-drops-inherited",
                "server {\n    add_header X-Frame-Options DENY always;\n    location /a/ {\n"
                        + "        add_header X-Frame-Options DENY always;\n"
                        + "        add_header Cache-Control no-store;\n    }\n}\n");
    }

    @Test
    void aliasLocationGetsItsTrailingSlash() {
        check("location /static {\n    alias /srv/static/;\n}\n", "nginx/alias-path-traversal",
                "location /static/ {\n    alias /srv/static/;\n}\n");
        check("location \"/q\" {\n    alias /srv/q/;\n}\n", "nginx/alias-path-traversal",
                "location \"/q/\" {\n    alias /srv/q/;\n}\n");
    }

    @Test
    void hostHeaderIsAddedNextToTheLocationsOwnHeaders() {
        String before = "server {\n    listen 80;\n    proxy_connect_timeout 5s;\n    location /a/ {\n"
                + "        proxy_pass http://api:8080;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                + "    }\n}\n";
        check(before, "nginx/proxy-missing-host", "server {\n    listen 80;\n    proxy_connect_timeout 5s;\n"
                + "    location /a/ {\n        proxy_pass http://api:8080;\n"
                + "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                + "        proxy_set_header Host $host;\n    }\n}\n");
        assertFalse(firstFix(before, "nginx/proxy-missing-host").safe());
    }

    @Test
    void headerGoesWhereTheInheritedListLives() {
        String before = "server {\n    listen 80;\n    proxy_set_header Host $host;\n    location /a/ {\n"
                + "        proxy_pass http://api:8080;\n    }\n}\n";
        check(before, "nginx/proxy-missing-forwarded-for", "server {\n    listen 80;\n    proxy_set_header Host $host;\n"
                + "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    location /a/ {\n"
                + "        proxy_pass http://api:8080;\n    }\n}\n");
        assertTrue(firstFix(before, "nginx/proxy-missing-forwarded-for").safe());
    }

    @Test
    void headerAfterProxyPassWhenNoLevelSetsAny() {
        check("location /a/ {\n    proxy_pass http://api:8080; # backend\n}\nserver {}\n",
                "nginx/proxy-missing-forwarded-for",
                "location /a/ {\n    proxy_pass http://api:8080; # backend\n"
                        + "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n}\nserver {}\n");
    }

    @Test
    void oneLineLocationStaysValid() {
        String before = "server {\n    location /a/ { proxy_pass http://api:8080; }\n}\n";
        String fixed = Fixtures.applyFix(src(before), "nginx/proxy-missing-forwarded-for", null);
        assertEquals("server {\n    location /a/ { proxy_pass http://api:8080;\n"
                + "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; }\n}\n", fixed);
        assertTrue(NginxParser.parse(fixed).issues().isEmpty());
    }

    @Test
    void keepaliveFixCoversTheUpstreamAndItsLocations() {
        String before = "upstream api {\n    server api:8080;\n}\nserver {\n    listen 80;\n"
                + "    proxy_set_header Host $host;\n    location /a/ {\n        proxy_pass http://api;\n    }\n"
                + "    location /b/ {\n        proxy_pass http://api/b/;\n    }\n}\n";
        check(before, "nginx/upstream-no-keepalive", "upstream api {\n    server api:8080;\n    keepalive 32;\n}\n"
                + "server {\n    listen 80;\n    proxy_set_header Host $host;\n"
                + "    proxy_set_header Connection \"\";\n    location /a/ {\n        proxy_pass http://api;\n"
                + "        proxy_http_version 1.1;\n    }\n    location /b/ {\n        proxy_pass http://api/b/;\n"
                + "        proxy_http_version 1.1;\n    }\n}\n");
        String fixed = Fixtures.applyFix(src(before), "nginx/upstream-no-keepalive", null);
        assertTrue(findings(fixed, "nginx/keepalive-not-effective").isEmpty());
    }

    @Test
    void keepaliveOneLineUpstream() {
        check("upstream auth { server auth:9000; }\n", "nginx/upstream-no-keepalive",
                "upstream auth { server auth:9000; keepalive 32; }\n");
    }

    @Test
    void keepaliveNotEffectiveAddsBothLines() {
        check("upstream api { server api:8080; keepalive 8; }\nlocation /a/ {\n    proxy_pass http://api;\n}\n",
                "nginx/keepalive-not-effective",
                "upstream api { server api:8080; keepalive 8; }\nlocation /a/ {\n    proxy_pass http://api;\n"
                        + "    proxy_http_version 1.1;\n    proxy_set_header Connection \"\";\n}\n");
    }

    @Test
    void httpHostBecomesHost() {
        check("return 301 https://$http_host$request_uri;\n", "nginx/http-host-variable",
                "return 301 https://$host$request_uri;\n");
        check("add_header X-H \"${http_host}\";\n", "nginx/http-host-variable", "add_header X-H \"${host}\";\n");
    }

    @Test
    void autoindexOff() {
        check("location / {\n    autoindex on;\n}\n", "nginx/autoindex-on", "location / {\n    autoindex off;\n}\n");
        assertFalse(firstFix("autoindex on;\n", "nginx/autoindex-on").safe());
    }

    @Test
    void errorLogOffGoesToDevNull() {
        check("error_log off;\n", "nginx/error-log-off", "error_log /dev/null crit;\n");
        check("error_log off warn;\n", "nginx/error-log-off", "error_log /dev/null warn;\n");
    }

    @Test
    void workerConnectionsRaised() {
        check("events {\n    worker_connections 256;\n}\n", "nginx/low-worker-connections",
                "events {\n    worker_connections 1024;\n}\n");
    }

    @Test
    void uploadLocationGetsABodySize() {
        check("server {\n    proxy_connect_timeout 5s;\n    location /upload {\n        proxy_pass http://api:8080;\n"
                        + "    }\n}\n", "nginx/upload-body-size-default",
                "server {\n    proxy_connect_timeout 5s;\n    location /upload {\n        client_max_body_size 20m;\n"
                        + "        proxy_pass http://api:8080;\n    }\n}\n");
    }

    @Test
    void plainHttpServerRedirects() {
        check("server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security max-age=1;\n}\n"
                        + "server {\n    listen 80;\n    server_name a.example.com;\n    root /srv;\n}\n",
                "nginx/http-not-redirected",
                "server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security max-age=1;\n}\n"
                        + "server {\n    listen 80;\n    server_name a.example.com;\n"
                        + "    return 301 https://$host$request_uri;\n    root /srv;\n}\n");
    }

    @Test
    void fixAllOnTheWholeFileFixtureKeepsItValid() throws Exception {
        Path p = Fixtures.fixturesDir().resolve("nginx/nginx.conf");
        SourceFile file = Fixtures.load(p);
        String fixed = Fixtures.fixAll(file);
        assertTrue(NginxParser.parse(fixed).issues().isEmpty());
        List<Finding> after = Fixtures.analyze(Fixtures.source("nginx/nginx.conf", fixed, FileKind.NGINX)).findings();
        for (Finding f : after) {
            assertTrue(f.fixes().stream().noneMatch(Fix::safe), "safe fix left over: " + f);
        }
        assertTrue(fixed.contains("server_tokens off;"));
        assertTrue(fixed.contains("keepalive 32;"));
        assertTrue(fixed.contains("location /static/ {"));
        assertFalse(fixed.contains("$http_host"));
        assertTrue(Files.readString(p).length() < fixed.length());
    }
}
