package io.archlens.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretDetectorTest {
    @Test
    void shapesNameWhatTheValueLooksLike() {
        assertEquals("an AWS access key id", SecretScanner.shape("X", "AKIAIOSFODNN7EXAMPLE").description());
        assertEquals("an Anthropic API key",
                SecretScanner.shape("X", "sk-ant-api03-FAKEexampleKeyForArchLensTests-00").description());
        assertEquals("an OpenAI API key", SecretScanner.shape("X", "sk-proj-FAKEexample0000TestKey1234abcd").description());
        assertEquals("a GitHub token", SecretScanner.shape("X", "github_pat_11FAKE0000_EXAMPLEtokenForTests99").description());
        assertEquals("a Slack token", SecretScanner.shape("X", "xoxp-0000000000-FAKEexample").description());
        assertEquals("a Stripe live secret key", SecretScanner.shape("X", "sk_live_FAKE0000EXAMPLE000").description());
        assertEquals("a PEM private key",
                SecretScanner.shape("X", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----").description());
        assertEquals("an AWS secret access key",
                SecretScanner.shape("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").description());
        assertNull(SecretScanner.shape("NAME", "shop"));
        assertNull(SecretScanner.shape("X", "pk_live_FAKE0000EXAMPLE000"));
        assertNull(SecretScanner.shape("X", "-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void entropyIsShannonBitsPerCharacter() {
        assertEquals(0.0, SecretValues.entropy("aaaa"), 1e-9);
        assertEquals(1.0, SecretValues.entropy("abab"), 1e-9);
        assertEquals(2.0, SecretValues.entropy("abcd"), 1e-9);
        assertEquals(5.0, SecretValues.entropy("Zk8pQ2rT5vX9yB3nM6wL1cF4hJ7dG0sA"), 1e-9);
        assertEquals(0.0, SecretValues.entropy(""), 1e-9);
    }

    @Test
    void randomLookingThresholds() {
        assertTrue(SecretValues.looksRandom("Zk8pQ2rT5vX9yB3nM6wL1cF4hJ7dG0sA"));
        assertTrue(SecretValues.looksRandom("9f86d081884c7d659a2feaa0c55ad015"));
        assertFalse(SecretValues.looksRandom("9f86d081884c7d659a2feaa0c55ad01"), "31 hex chars is below the bar");
        assertFalse(SecretValues.looksRandom("Zk8pQ2rT5vX9yB3nM6wL1cF"), "23 chars is below the bar");
        assertFalse(SecretValues.looksRandom("my-application-name-for-europe-2024"));
        assertFalse(SecretValues.looksRandom("3f2b8c1e-4d5a-4b6c-9e7f-1a2b3c4d5e6f"));
        assertFalse(SecretValues.looksRandom("https://x.example.com/Zk8pQ2rT5vX9yB3nM6wL1cF4hJ7dG0sA"));
    }

    @Test
    void placeholders() {
        for (String p : List.of("", "changeme", "CHANGE_ME", "<your-key>", "xxx", "XXXXXXXX", "${API_KEY}", "$TOKEN",
                "your_api_key_here", "your-token", "put-key-here", "TODO", "***", "...", "{{ secret }}", "[redacted]",
                "sk-xxxxxxxxxxxxxxxxxxxx")) {
            assertTrue(SecretValues.isPlaceholder(p), p);
        }
        for (String p : List.of("s3cr3t-Passw0rd", "hunter2", "postgres", "AKIAIOSFODNN7EXAMPLE")) {
            assertFalse(SecretValues.isPlaceholder(p), p);
        }
    }

    @Test
    void keyNames() {
        for (String k : List.of("DB_PASSWORD", "JWT_SECRET", "GITHUB_TOKEN", "API_KEY", "SENDGRID_API_KEY",
                "PRIVATE_KEY", "dbPassword", "REDIS_PASS", "SECRET_KEY_BASE", "AWS_SECRET_ACCESS_KEY")) {
            assertEquals(SecretKeys.Hint.STRONG, SecretKeys.hint(k), k);
        }
        assertEquals(SecretKeys.Hint.WEAK, SecretKeys.hint("STRIPE_KEY"));
        for (String k : List.of("DB_PASSWORD_FILE", "PASSWORD_MIN_LENGTH", "TOKEN_EXPIRES_IN", "PUBLIC_KEY",
                "STRIPE_PUBLISHABLE_KEY", "CACHE_KEY", "AWS_ACCESS_KEY_ID", "SECRET_NAME", "PORT", "BYPASS_CACHE")) {
            assertEquals(SecretKeys.Hint.NONE, SecretKeys.hint(k), k);
        }
    }

    @Test
    void environmentVariableNames() {
        for (String s : List.of("DB_PASSWORD", "npm_token", "AWS_SECRET_ACCESS_KEY", "STRIPE_API_KEY", "JWT_SECRET",
                "SECRET_KEY_BASE", "MYSQL_ROOT_PASSWORD", "DB_PASS", "GITHUB_TOKEN", "SSH_PRIVATE_KEY")) {
            assertTrue(SecretKeys.isSecretKey(s), s);
        }
        for (String s : List.of("PASSWORD_FILE", "TOKEN_URL", "GPG_KEY", "AWS_ACCESS_KEY_ID", "DB_USER", "PWD",
                "PASSWORD_MIN_LENGTH", "SECRET_NAME", "NODE_ENV")) {
            assertFalse(SecretKeys.isSecretKey(s), s);
        }
    }

    @Test
    void urlPasswordsAreLocated() {
        String v = "postgres://app:p%40ss@db:5432/x,redis://:r3dis@cache:6379";
        List<UrlPasswords.UrlPassword> pw = UrlPasswords.find(v);
        assertEquals(2, pw.size());
        assertEquals("p%40ss", v.substring(pw.get(0).start(), pw.get(0).end()));
        assertEquals("postgres", pw.get(0).scheme());
        assertEquals("r3dis", v.substring(pw.get(1).start(), pw.get(1).end()));
        assertTrue(UrlPasswords.find("https://user@host/path:x@y").isEmpty());
        assertTrue(UrlPasswords.find("redis://:@host").isEmpty());
    }
}
