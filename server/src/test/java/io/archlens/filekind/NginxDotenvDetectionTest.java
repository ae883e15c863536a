package io.archlens.filekind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class NginxDotenvDetectionTest {
    @Test
    void dotenvNames() {
        assertEquals(FileKind.DOTENV, FileKindDetector.detect(".env", ""));
        assertEquals(FileKind.DOTENV, FileKindDetector.detect("app/.env.production", ""));
        assertEquals(FileKind.DOTENV, FileKindDetector.detect("examples/shop/.env.example", ""));
        assertEquals(FileKind.DOTENV, FileKindDetector.detect("deploy/api.env", ""));
        // samples without the leading dot, which a user copies to .env
        assertEquals(FileKind.DOTENV, FileKindDetector.detect("env-example", ""));
        assertEquals(FileKind.DOTENV, FileKindDetector.detect("env-example-relational", ""));
        assertEquals(FileKind.DOTENV, FileKindDetector.detect("api/env.sample", ""));
    }

    @Test
    void lookalikesAreNotDotenv() {
        assertNotEquals(FileKind.DOTENV, FileKindDetector.detect(".envrc", "export FOO=1\n"));
        assertNotEquals(FileKind.DOTENV, FileKindDetector.detect("environment.ts", ""));
        assertNotEquals(FileKind.DOTENV, FileKindDetector.detect(".environment", ""));
        assertNotEquals(FileKind.DOTENV, FileKindDetector.detect("src/env.py", ""));
        assertNotEquals(FileKind.DOTENV, FileKindDetector.detect("env-examples.md", ""));
        assertNotEquals(FileKind.DOTENV, FileKindDetector.detect("environment-example.ts", ""));
    }

    @Test
    void nginxByNameFolderOrContent() {
        assertEquals(FileKind.NGINX, FileKindDetector.detect("examples/shop/web/nginx.conf", ""));
        assertEquals(FileKind.NGINX, FileKindDetector.detect("deploy/conf.d/default.conf", ""));
        assertEquals(FileKind.NGINX, FileKindDetector.detect("etc/nginx/snippets/ssl.conf", ""));
        assertEquals(FileKind.NGINX, FileKindDetector.detect("etc/nginx/sites-available/default", ""));
        assertEquals(FileKind.NGINX, FileKindDetector.detect("sites-enabled/shop", "server {\n}"));
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("sites-enabled/README.md", "# sites"));
        assertEquals(FileKind.NGINX, FileKindDetector.detect("proxy/site.conf", "server {\n  listen 80;\n}\n"));
        assertEquals(FileKind.UNKNOWN, FileKindDetector.detect("supervisor/app.conf", "[program:app]\n"));
    }
}
