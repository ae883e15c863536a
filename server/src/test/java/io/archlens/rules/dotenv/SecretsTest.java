package io.archlens.rules.dotenv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.Finding;
import io.archlens.analysis.SourceFile;
import io.archlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final Set<String> SECRET_RULES = Set.of("env/hardcoded-secret", "env/secret-value",
            "env/high-entropy-value", "env/url-credentials", "env/example-has-secret");

    @Test
    void messagesNeverContainTheSecretValue() {
        int checked = 0;
        for (Path p : Fixtures.allFixtures()) {
            if (!p.toString().contains("/dotenv/")) {
                continue;
            }
            SourceFile file = Fixtures.load(p);
            for (Finding f : Fixtures.analyze(file).findings()) {
                if (!SECRET_RULES.contains(f.ruleId())) {
                    continue;
                }
                String value = file.slice(f.range());
                String firstLine = value.lines().findFirst().orElse("");
                assertFalse(f.message().contains(firstLine.length() >= 4 ? firstLine : "\u0000"),
                        "message leaks the value in " + p + ": " + f.message());
                checked++;
            }
        }
        assertTrue(checked >= 25, "expected many secret findings across fixtures, got " + checked);
    }

    @Test
    void shapesNameWhatTheValueLooksLike() {
        assertEquals("an AWS access key id", Secrets.shape("X", "AKIAIOSFODNN7EXAMPLE").description());
        assertEquals("an Anthropic API key",
                Secrets.shape("X", "sk-ant-api03-FAKEexampleKeyForArchLensTests-00").description());
        assertEquals("an OpenAI API key", Secrets.shape("X", "sk-proj-FAKEexample0000TestKey1234abcd").description());
        assertEquals("a GitHub token", Secrets.shape("X", "github_pat_11FAKE0000_EXAMPLEtokenForTests99").description());
        assertEquals("a Slack token", Secrets.shape("X", "xoxp-0000000000-FAKEexample").description());
        assertEquals("a Stripe live secret key", Secrets.shape("X", "sk_live_FAKE0000EXAMPLE000").description());
        assertEquals("a PEM private key",
                Secrets.shape("X", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----").description());
        assertEquals("an AWS secret access key",
                Secrets.shape("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").description());
        assertNull(Secrets.shape("NAME", "shop"));
        assertNull(Secrets.shape("X", "pk_live_FAKE0000EXAMPLE000"));
        assertNull(Secrets.shape("X", "-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void entropyIsShannonBitsPerCharacter() {
        assertEquals(0.0, Secrets.entropy("aaaa"), 1e-9);
        assertEquals(1.0, Secrets.entropy("abab"), 1e-9);
        assertEquals(2.0, Secrets.entropy("abcd"), 1e-9);
        assertEquals(5.0, Secrets.entropy("Zk8pQ2rT5vX9yB3nM6wL1cF4hJ7dG0sA"), 1e-9);
        assertEquals(0.0, Secrets.entropy(""), 1e-9);
    }

    @Test
    void randomLookingThresholds() {
        assertTrue(Secrets.looksRandom("Zk8pQ2rT5vX9yB3nM6wL1cF4hJ7dG0sA"));
        assertTrue(Secrets.looksRandom("9f86d081884c7d659a2feaa0c55ad015"));
        assertFalse(Secrets.looksRandom("9f86d081884c7d659a2feaa0c55ad01"), "31 hex chars is below the bar");
        assertFalse(Secrets.looksRandom("Zk8pQ2rT5vX9yB3nM6wL1cF"), "23 chars is below the bar");
        assertFalse(Secrets.looksRandom("my-application-name-for-europe-2024"));
        assertFalse(Secrets.looksRandom("3f2b8c1e-4d5a-4b6c-9e7f-1a2b3c4d5e6f"));
        assertFalse(Secrets.looksRandom("https://x.example.com/Zk8pQ2rT5vX9yB3nM6wL1cF4hJ7dG0sA"));
    }

    @Test
    void placeholders() {
        for (String p : List.of("", "changeme", "CHANGE_ME", "<your-key>", "xxx", "XXXXXXXX", "${API_KEY}", "$TOKEN",
                "your_api_key_here", "your-token", "put-key-here", "TODO", "***", "...", "{{ secret }}", "[redacted]",
                "sk-xxxxxxxxxxxxxxxxxxxx")) {
            assertTrue(Secrets.isPlaceholder(p), p);
        }
        for (String p : List.of("s3cr3t-Passw0rd", "hunter2", "postgres", "AKIAIOSFODNN7EXAMPLE")) {
            assertFalse(Secrets.isPlaceholder(p), p);
        }
    }

    @Test
    void keyNames() {
        for (String k : List.of("DB_PASSWORD", "JWT_SECRET", "GITHUB_TOKEN", "API_KEY", "SENDGRID_API_KEY",
                "PRIVATE_KEY", "dbPassword", "REDIS_PASS", "SECRET_KEY_BASE", "AWS_SECRET_ACCESS_KEY")) {
            assertEquals(Secrets.KeyHint.STRONG, Secrets.keyHint(k), k);
        }
        assertEquals(Secrets.KeyHint.WEAK, Secrets.keyHint("STRIPE_KEY"));
        for (String k : List.of("DB_PASSWORD_FILE", "PASSWORD_MIN_LENGTH", "TOKEN_EXPIRES_IN", "PUBLIC_KEY",
                "STRIPE_PUBLISHABLE_KEY", "CACHE_KEY", "AWS_ACCESS_KEY_ID", "SECRET_NAME", "PORT", "BYPASS_CACHE")) {
            assertFalse(Secrets.isSecretKey(k), k);
        }
    }

    @Test
    void urlPasswordsAreLocated() {
        String v = "postgres://app:p%40ss@db:5432/x,redis://:r3dis@cache:6379";
        List<Secrets.UrlPassword> pw = Secrets.urlPasswords(v);
        assertEquals(2, pw.size());
        assertEquals("p%40ss", v.substring(pw.get(0).start(), pw.get(0).end()));
        assertEquals("postgres", pw.get(0).scheme());
        assertEquals("r3dis", v.substring(pw.get(1).start(), pw.get(1).end()));
        assertTrue(Secrets.urlPasswords("https://user@host/path:x@y").isEmpty());
        assertTrue(Secrets.urlPasswords("redis://:@host").isEmpty());
    }

    @Test
    void fileRoles() {
        assertEquals(EnvFileRole.EXAMPLE, EnvFileRole.of(".env.example"));
        assertEquals(EnvFileRole.EXAMPLE, EnvFileRole.of(".env.production.sample"));
        assertEquals(EnvFileRole.EXAMPLE, EnvFileRole.of("example.env"));
        assertEquals(EnvFileRole.EXAMPLE, EnvFileRole.of(".env.dist"));
        assertEquals(EnvFileRole.DEV, EnvFileRole.of(".env.development.local"));
        assertEquals(EnvFileRole.DEV, EnvFileRole.of(".env.test"));
        assertEquals(EnvFileRole.OTHER, EnvFileRole.of(".env"));
        assertEquals(EnvFileRole.OTHER, EnvFileRole.of(".env.production"));
        assertEquals(EnvFileRole.OTHER, EnvFileRole.of("api.env"));
        assertNotNull(EnvFileRole.of(""));
    }
}
