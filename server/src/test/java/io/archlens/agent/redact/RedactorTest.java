package io.archlens.agent.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import io.archlens.filekind.FileKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    static Redacted redact(String path, String text, FileKind kind) {
        return Redactor.redact(new SourceFile("file:///w/" + path, path, text, kind, 1));
    }

    static void assertGone(Redacted r, String... secrets) {
        for (String s : secrets) {
            assertFalse(r.text().contains(s), "still contains " + s + ":\n" + r.text());
        }
    }

    @Test
    void tokenShapesAreRedactedAnywhere() {
        String text = """
                # notes
                aws id AKIAIOSFODNN7EXAMPLE in a comment
                gh: ghp_1234567890abcdefghijklmnopqrstuvwxyzAB
                pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz
                openai sk-proj-AbCdEf1234567890GhIjKlMnOpQrStUv
                anthropic sk-ant-api03-ZyXwVu9876543210TsRqPoNmLk
                jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U
                gcp AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY
                azure DefaultEndpointsProtocol=https;AccountName=x;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq==;
                url redis://default:hunter2xyz@cache:6379/0
                query https://api.example.com/v1?api_key=abc123def456&x=1
                """;
        Redacted r = redact("NOTES.conf", text, FileKind.UNKNOWN);
        assertGone(r, "AKIAIOSFODNN7EXAMPLE", "ghp_1234567890", "github_pat_11ABC", "sk-proj-AbCdEf", "sk-ant-api03",
                "eyJhbGciOiJIUzI1NiJ9", "AIzaSyD-9tSrke72", "Eby8vdM02xNOcq", "hunter2xyz", "abc123def456");
        assertTrue(r.text().contains("redis://default:<REDACTED-"), r.text());
        assertTrue(r.text().contains("&x=1"));
        List<String> placeholders = r.redactions().stream().map(Redaction::placeholder).toList();
        assertEquals("<REDACTED-1>", placeholders.get(0));
        assertEquals(r.redactions().size(), placeholders.stream().distinct().count(), "numbered uniquely");
    }

    @Test
    void privateKeyBlocksIncludingEscapedOnesInJson() {
        String text = """
                {"type": "service_account", "private_key_id": "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
                 "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n",
                 "client_email": "svc@proj.iam.gserviceaccount.com"}
                """;
        Redacted r = redact("sa.json", text, FileKind.UNKNOWN);
        assertGone(r, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678");
        assertTrue(r.text().contains("svc@proj.iam.gserviceaccount.com"));
    }

    @Test
    void secretKeysInEnvStylePropertiesAndCode() {
        Redacted props = redact("application.properties", """
                spring.datasource.url=jdbc:postgresql://db:5432/shop
                spring.datasource.password=Sup3rSecret
                spring.datasource.password-file=/run/secrets/db
                app.jwt.secret: abcdefghijklmnop
                app.jwt.token-validity-seconds=3600
                spring.security.oauth2.client.registration.github.client-secret=${GITHUB_SECRET}
                """, FileKind.SPRING_PROPERTIES);
        assertGone(props, "Sup3rSecret", "abcdefghijklmnop");
        assertTrue(props.text().contains("/run/secrets/db"));
        assertTrue(props.text().contains("3600"));
        assertTrue(props.text().contains("${GITHUB_SECRET}"));

        Redacted java = redact("Db.java", """
                class Db {
                    private static final String DB_PASSWORD = "letmein42";
                    String apiKey = System.getenv("API_KEY");
                    boolean same(String password) { return password == "x"; }
                }
                """, FileKind.JAVA);
        assertGone(java, "letmein42");
        assertTrue(java.text().contains("System.getenv(\"API_KEY\")"));

        Redacted docker = redact("Dockerfile", "FROM node:20\nENV NPM_TOKEN=npm_abcdef123456\nARG SECRET_KEY=xyz987\n",
                FileKind.DOCKERFILE);
        assertGone(docker, "npm_abcdef123456", "xyz987");
    }

    @Test
    void yamlValuesUnderSecretKeysAndKubernetesSecretData() {
        String text = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db-credentials
                type: Opaque
                data:
                  username: c2hvcA==
                  url: cG9zdGdyZXM6Ly9kYg==
                stringData:
                  note: plain text value
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          env:
                            - name: DB_PASSWORD
                              valueFrom:
                                secretKeyRef:
                                  name: db-credentials
                                  key: password
                """;
        Redacted r = redact("k8s/secret.yaml", text, FileKind.KUBERNETES);
        assertGone(r, "c2hvcA==", "cG9zdGdyZXM6Ly9kYg==", "plain text value");
        assertTrue(r.text().contains("name: db-credentials"), "names and references stay");
        assertTrue(r.text().contains("secretKeyRef"));

        Redacted spring = redact("application.yml", """
                spring:
                  datasource:
                    password: 'quoted secret'
                    username: shop
                  security:
                    oauth2:
                      client-secret: >
                        folded-secret-value
                """, FileKind.SPRING_YAML);
        assertGone(spring, "quoted secret", "folded-secret-value");
        assertTrue(spring.text().contains("password: '<REDACTED-1>'"), spring.text());
        assertTrue(spring.text().contains("username: shop"));
    }

    @Test
    void rangesMapBackToTheOriginal() {
        String text = "A: 1\nPASSWORD: hunter2hunter2\nB: 2\n";
        Redacted r = redact("compose.yml", text, FileKind.COMPOSE);
        assertEquals("A: 1\nPASSWORD: <REDACTED-1>\nB: 2\n", r.text());
        int b = r.text().indexOf("B: 2");
        assertEquals(new TextRange(text.indexOf("B: 2"), text.indexOf("B: 2") + 4), r.toOriginal(new TextRange(b, b + 4)));
        int ph = r.text().indexOf("<REDACTED-1>");
        TextRange inside = r.toOriginal(new TextRange(ph + 2, ph + 5));
        assertEquals(new TextRange(text.indexOf("hunter2"), text.indexOf("hunter2") + "hunter2hunter2".length()), inside);
        assertTrue(r.touchesRedaction(new TextRange(ph - 2, ph + 1)));
        assertFalse(r.touchesRedaction(new TextRange(0, 4)));
        assertFalse(r.touchesRedaction(TextRange.empty(ph)), "an insertion right before a placeholder is fine");
    }

    @Test
    void nothingToRedactKeepsTheTextIdentical() {
        String text = "services:\n  web:\n    image: nginx:1.27\n";
        Redacted r = redact("compose.yml", text, FileKind.COMPOSE);
        assertEquals(text, r.text());
        assertTrue(r.redactions().isEmpty());
    }

    @Test
    void sendPolicyRefusesDotenvAndKeyMaterial() {
        for (String p : List.of(".env", "config/.env.production", "certs/server.pem", "tls.key", "id_rsa", "keystore.jks")) {
            SourceFile f = new SourceFile("file:///w/" + p, p, "x", p.contains(".env") ? FileKind.DOTENV : FileKind.UNKNOWN, 1);
            assertTrue(SendPolicy.refusal(f).isPresent(), p);
        }
        SourceFile ok = new SourceFile("file:///w/docker-compose.yml", "docker-compose.yml", "x", FileKind.COMPOSE, 1);
        assertTrue(SendPolicy.refusal(ok).isEmpty());
    }

    @Test
    void hugeInputFinishes() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            sb.append("KEY_").append(i).append("=value").append(i).append(" token=").append(i % 7 == 0 ? "abc" + i : "$X")
                    .append('\n');
        }
        Redacted r = redact("big.properties", sb.toString(), FileKind.SPRING_PROPERTIES);
        assertTrue(r.redactions().size() > 1000);
        assertFalse(r.text().contains("token=abc7\n"));
    }
}
