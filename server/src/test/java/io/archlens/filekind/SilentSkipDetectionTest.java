package io.archlens.filekind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 12 §1: detection looks at what a file is, wherever it says so, and sniffs nginx by its vocabulary. */
class SilentSkipDetectionTest {
    private static String filler(int bytes) {
        StringBuilder sb = new StringBuilder("info:\n  title: Big\n  version: '1'\ncomponents:\n  schemas:\n");
        int i = 0;
        while (sb.length() < bytes) {
            sb.append("    Model").append(i++).append(":\n      type: object\n      description: openapi: 3.0.0\n");
        }
        return sb.toString();
    }

    @Test
    void openApiRootKeyAfterTheFirst64KiB() {
        String spec = filler(100 * 1024) + "paths: {}\nopenapi: 3.0.3\n";
        assertTrue(spec.indexOf("\nopenapi:") > 64 * 1024);
        assertEquals(FileKind.OPENAPI, FileKindDetector.detect("api/spec.yaml", spec));
        // the same text without the root key: a nested 'openapi:' in a description does not count
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("api/spec.yaml", filler(100 * 1024)));
    }

    @Test
    void openApiDocumentIndentedUnderADocumentMarker() {
        assertEquals(FileKind.OPENAPI, FileKindDetector.detect("spec.yml",
                "# generated\n---\n  info:\n    title: x\n  swagger: \"2.0\"\n  paths: {}\n"));
        assertEquals(FileKind.OPENAPI, FileKindDetector.detect("spec.yml", "--- openapi: 3.1.0\n"));
        // a nested key deeper than the document's root indentation is not a root key
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("spec.yml",
                "---\n  tool:\n    openapi: 3.0.0\n"));
        // a block scalar holding a spec is not a spec
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("cm.yml",
                "data: |\n  openapi: 3.0.0\n  paths: {}\n"));
        // a config key named openapi with no version value is not a spec
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("gen.yml", "openapi:\n  generator: java\n"));
    }

    @Test
    void theIndentedFixtureIsDetectedByContent() throws Exception {
        java.nio.file.Path f = io.archlens.testing.Fixtures.fixturesDir().resolve("openapi/indented-document.yaml");
        assertEquals(FileKind.OPENAPI, FileKindDetector.detect("specs/users.yaml", java.nio.file.Files.readString(f)));
    }

    @Test
    void openApiJsonTopLevelKeyAnywhere() {
        StringBuilder big = new StringBuilder("{\n  \"components\": {\"schemas\": {");
        for (int i = 0; i < 3000; i++) {
            big.append(i == 0 ? "" : ",").append("\"M").append(i).append("\": {\"type\": \"object\", \"openapi\": \"3.0\"}");
        }
        String withoutRoot = big + "}},\n  \"paths\": {}\n}\n";
        String withRoot = big + "}},\n  \"paths\": {},\n  \"openapi\": \"3.0.1\"\n}\n";
        assertTrue(withRoot.length() > 64 * 1024);
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("api.json", withoutRoot));
        assertEquals(FileKind.OPENAPI, FileKindDetector.detect("api.json", withRoot));
        assertEquals(FileKind.OPENAPI, FileKindDetector.detect("api.json", "{\"swagger\":\"2.0\",\"paths\":{}}"));
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("pkg.json", "{\"name\": \"openapi\", \"x\": {\"openapi\": \"3\"}}"));
    }

    @Test
    void nginxWithoutConfSuffixByContent() {
        String site = "server {\n    listen 80;\n    server_name shop.example;\n    location / {\n"
                + "        proxy_pass http://api:8080;\n    }\n}\n";
        for (String name : new String[] {"deploy/conf", "proxy/default", "web/site", "etc/nginx/shop",
                "ops/snippets/shop", "conf.d/shop", "docker/web.conf.template"}) {
            assertEquals(FileKind.NGINX, FileKindDetector.detect(name, site), name);
            assertTrue(FileKindDetector.mayBeInteresting(name), name);
        }
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("etc/default", "ENABLED=yes\nOPTS=\"-v\"\n"));
    }

    @Test
    void directiveOnlySnippets() {
        assertEquals(FileKind.NGINX, FileKindDetector.detect("snip/security-headers.conf",
                "# headers\nadd_header X-Frame-Options DENY always;\nadd_header X-Content-Type-Options nosniff always;\n"));
        assertEquals(FileKind.NGINX, FileKindDetector.detect("snip/tls.conf",
                "ssl_protocols TLSv1.2 TLSv1.3;\nssl_prefer_server_ciphers off;\nssl_session_cache shared:SSL:10m;\n"));
        assertEquals(FileKind.NGINX, FileKindDetector.detect("snip/gzip.conf",
                "gzip on;\ngzip_types text/plain application/json;\ngzip_min_length 1024;\n"));
        assertEquals(FileKind.NGINX, FileKindDetector.detect("snip/upgrade.conf",
                "map $http_upgrade $connection_upgrade {\n    default upgrade;\n    ''      close;\n    \"~*ws\" upgrade;\n}\n"
                        + "proxy_set_header Connection $connection_upgrade;\n"));
        assertEquals(FileKind.NGINX, FileKindDetector.detect("snip/api.conf",
                "location /api/ {\n    proxy_pass http://api;\n    proxy_set_header Host $host;\n}\n"));
        assertEquals(FileKind.NGINX, FileKindDetector.detect("snip/log.conf",
                "log_format main '$remote_addr - $remote_user [$time_local] '\n    '\"$request\" $status';\n"
                        + "access_log /var/log/nginx/access.log main;\n"));
    }

    @Test
    void arbitraryTextIsNotNginx() {
        // C-like code, Perl, shell, INI, Apache, BIND, Redis, supervisor, prose
        String[] texts = {
            "int main() {\n    if (x) {\n        return 0;\n    }\n    return 1;\n}\n",
            "use strict;\nuse warnings;\nmy $x = 1;\nprint $x;\n",
            "#!/bin/sh\nset -e\nexport A=1\nexec app\n",
            "[program:app]\ncommand=/usr/bin/app\nautostart=true\n",
            "<VirtualHost *:80>\n  ServerName shop\n  DocumentRoot /var/www\n</VirtualHost>\n",
            "options {\n  directory \"/var/cache/bind\";\n  recursion no;\n};\nzone \"shop\" {\n  type master;\n  file \"db.shop\";\n};\ninclude \"/etc/bind/x\";\n",
            "port 6379\nbind 127.0.0.1\nmaxmemory 256mb\n",
            "The server listens on port 80; see location docs.\nAnother line.\n",
            "listen 80;\n", // one directive alone is below the threshold
        };
        for (String t : texts) {
            assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("misc/app.conf", t), t);
            assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("misc/default", t), t);
        }
    }

    @Test
    void compositeActionIsGithubActions() {
        String action = "name: build\nruns:\n  using: \"composite\"\n  steps:\n    - run: echo hi\n      shell: bash\n";
        assertEquals(FileKind.GITHUB_ACTIONS, FileKindDetector.detect(".github/actions/build/action.yml", action));
        assertEquals(FileKind.GITHUB_ACTIONS, FileKindDetector.detect("action.yaml", action));
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("action.yml",
                "name: x\nruns:\n  using: node20\n  main: dist/index.js\n"));
    }

    @Test
    void dependabotConfigIsGithubActions() {
        String config = "version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n";
        assertEquals(FileKind.GITHUB_ACTIONS, FileKindDetector.detect(".github/dependabot.yml", config));
        assertEquals(FileKind.GITHUB_ACTIONS, FileKindDetector.detect("repo/.github/dependabot.yaml", config));
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("docs/dependabot.yml", config));
    }

    @Test
    void kubernetesKindAfterTheFirst64KiB() {
        StringBuilder cm = new StringBuilder("apiVersion: v1\ndata:\n  dashboard.json: |\n");
        while (cm.length() < 100 * 1024) {
            cm.append("    {\"panel\": 1, \"title\": \"a title long enough to fill the sniffing window\"},\n");
        }
        cm.append("kind: ConfigMap\nmetadata:\n  name: dashboards\n");
        assertEquals(FileKind.KUBERNETES, FileKindDetector.detect("k8s/dashboards.yaml", cm.toString()));
        // a kind: line inside the block scalar is no root key
        String nested = "apiVersion: v1\ndata:\n  x: |\n" + "    kind: Foo\n".repeat(8000) + "metadata: {}\n";
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("k8s/not.yaml", nested));
    }

    @Test
    void siteFilesNamedAfterTheirDomain() {
        String site = "server {\n  listen 80;\n  server_name example.com;\n  root /var/www/example;\n}\n";
        assertEquals(FileKind.NGINX, FileKindDetector.detect("sites-available/example.com", site));
        assertEquals(FileKind.NGINX, FileKindDetector.detect("etc/nginx/sites-enabled/shop.example.org", site));
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("sites-available/notes.txt", "just some notes\n"));
        assertTrue(FileKindDetector.mayBeInteresting("sites-available/example.com"));
    }

    @Test
    void aServicesMapWithoutImageBuildOrExtendsIsNotCompose() {
        String azd = "name: store\nmetadata:\n  template: store@1.0\nservices:\n  web:\n    project: ./src/web\n"
                + "    host: aks\n    language: js\n";
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("azure.yaml", azd));
        assertEquals(FileKind.COMPOSE, FileKindDetector.detect("stack.yaml", "services:\n  web:\n    image: nginx:1.27\n"));
        assertEquals(FileKind.COMPOSE, FileKindDetector.detect("stack.yaml",
                "services:\n  web:\n    extends: {file: base.yml, service: web}\n"));
    }
}
