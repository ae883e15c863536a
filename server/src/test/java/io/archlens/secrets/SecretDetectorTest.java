package io.archlens.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
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
                "sk-xxxxxxxxxxxxxxxxxxxx", "mock_secret", "fake-api-key", "jwt.dummy", "MOCKED_TOKEN", ":xxxxx",
                "<****>")) {
            assertTrue(SecretValues.isPlaceholder(p), p);
        }
        // a stand-in word only counts as a whole part of the value
        for (String p : List.of("s3cr3t-Passw0rd", "hunter2", "postgres", "AKIAIOSFODNN7EXAMPLE", "mockingbird-42",
                "k8fakeQz")) {
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

    static List<String> found(FileKind kind, String path, String text) {
        return SecretFinder.find(new SourceFile("file:///w/" + path, path, text, kind, 1)).stream()
                .map(sp -> text.substring(sp.start(), sp.end())).toList();
    }

    @Test
    void urlAndConnectionStringPasswords() {
        String text = """
                a: redis://:r3dis-pw@cache:6379
                b: postgres://app:p%40ss@db/x,amqp://u:p@ss;w@mq
                c: jdbc:oracle:thin:scott/t1ger-pw@//db:1521/ORCL
                d: jdbc:oracle:thin:@db:1521/ORCL
                e: https://user@host/path:x@y
                f: postgres://app:${DB_PASSWORD}@db/x
                """;
        List<String> f = found(FileKind.UNKNOWN, "notes.txt", text);
        assertTrue(f.contains("r3dis-pw"), f.toString());
        assertTrue(f.contains("p%40ss"), f.toString());
        assertTrue(f.contains("t1ger-pw"), f.toString());
        assertTrue(f.contains("p@ss;w"), f.toString());
        assertEquals(4, f.size(), f.toString());
        assertEquals("oracle", UrlPasswords.find("jdbc:oracle:thin:a/b@c").get(0).scheme());
    }

    @Test
    void commandLinePasswordsOnlyAfterTheirCommands() {
        List<String> f = found(FileKind.DOCKERFILE, "Dockerfile", """
                RUN mysqladmin -uroot -pS3cret1 ping && mysql -p shop
                RUN docker login -u ci -p Dl-pass-1 ghcr.io && docker run -p 8080:80 nginx
                RUN docker login --password Dl-pass-2 ghcr.io
                RUN echo x | docker login --password-stdin ghcr.io
                RUN redis-cli -a Rc-pass-3 ping; sshpass -p Ss-pass-4 ssh host
                RUN gcc -pthread -o x x.c
                """);
        assertEquals(List.of("S3cret1", "Dl-pass-1", "Dl-pass-2", "Rc-pass-3", "Ss-pass-4"), f);
    }

    @Test
    void sqlPasswords() {
        List<String> f = found(FileKind.SQL, "init.sql", """
                CREATE USER app WITH PASSWORD 'a''b-1';
                ALTER ROLE r ENCRYPTED PASSWORD 'md5abc';
                CREATE USER 'u'@'%' IDENTIFIED BY 'pw-2';
                ALTER USER x IDENTIFIED WITH caching_sha2_password BY "pw-3";
                CREATE USER scott IDENTIFIED BY tiger4;
                SET PASSWORD FOR 'u'@'%' = PASSWORD('pw-5');
                ALTER ROLE r PASSWORD NULL;
                SELECT password_hash FROM users;
                """);
        assertEquals(List.of("a''b-1", "md5abc", "pw-2", "pw-3", "tiger4", "pw-5"), f);
    }

    @Test
    void httpCredentialsAndHeaderDirectives() {
        List<String> f = found(FileKind.NGINX, "site.conf", """
                proxy_set_header Authorization "Basic dXNlcjpwYXNz";
                add_header Authorization "Bearer abc.def-123";
                proxy_set_header Authorization $http_authorization;
                proxy_set_header X-Api-Key "k-123456";
                set $api_token t0ken-value;
                add_header WWW-Authenticate 'Bearer realm="api"';
                """);
        assertEquals(List.of("dXNlcjpwYXNz", "abc.def-123", "k-123456", "t0ken-value"), f);
    }

    @Test
    void kubernetesSecretsInsideAListAndLiteralEnvValues() {
        List<String> f = found(FileKind.KUBERNETES, "k8s.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - kind: Secret
                    data:
                      anything: c2VjcmV0LWluLWxpc3Q=
                  - kind: Deployment
                    spec:
                      template:
                        spec:
                          containers:
                            - env:
                                - name: DB_PASSWORD
                                  value: lit-pw-1
                                - name: AUTH_TOKEN
                                  value: "lit-tok-2"
                                - name: DB_PASSWORD_FILE
                                  value: /run/secrets/db
                                - name: REF
                                  valueFrom:
                                    secretKeyRef: {name: db, key: password}
                """);
        assertEquals(List.of("c2VjcmV0LWluLWxpc3Q=", "lit-pw-1", "lit-tok-2"), f);
    }

    @Test
    void terraformSecretVariableDefaults() {
        List<String> f = found(FileKind.TERRAFORM, "main.tf", """
                variable "db_password" { default = "tf-pw-1" }
                variable "signing" {
                  sensitive = true
                  default   = "tf-pw-2"
                }
                variable "region" { default = "eu-west-1" }
                variable "token_ttl" { default = "3600" }
                """);
        assertEquals(List.of("tf-pw-1", "tf-pw-2"), f);
    }

    @Test
    void whatIsNotASecret() {
        List<String> f = found(FileKind.GITHUB_ACTIONS, ".github/workflows/ci.yml", """
                jobs:
                  call:
                    uses: org/repo/.github/workflows/x.yml@v1
                    secrets: inherit
                  build:
                    env:
                      TOKEN: ${{ secrets.TOKEN }}
                      PASSWORD_MIN_LENGTH: 12
                      max_tokens: 4096
                      PWD: /home/runner
                      key: node-role
                    steps:
                      - run: echo "$DB_PASSWORD" | docker login -u ci --password-stdin
                """);
        assertTrue(f.isEmpty(), f.toString());
    }

    @Test
    void passWordsAndCompoundKeys() {
        for (String k : List.of("DB_PASS", "db_pwd", "LDAP_PASSWD", "rootpassword", "clientSecret", "x-api-key",
                "spring.datasource.password", "server.ssl.key-store-password", "apiKey", "AUTH_TOKEN")) {
            assertTrue(SecretKeys.isSecretKey(k), k);
        }
        for (String k : List.of("BYPASS", "PASSENGER_NAME", "customer_master_key_spec", "key_usage", "max_tokens",
                "secrets", "server.ssl.key-store", "api-key-env", "DOCKER_PASSWORD_STDIN", "CachedTokens",
                "reasoningTokens", "AcceptedPredictionTokens", "audio_tokens")) {
            assertFalse(SecretKeys.isSecretKey(k), k);
        }
    }

    @Test
    void fingerprintsOnlyForRealLookingSecrets() {
        assertNull(SecretFingerprints.of("database", "petclinic"));
        assertNull(SecretFingerprints.of("POSTGRES_DB", "petclinic"));
        assertNull(SecretFingerprints.of("spring.datasource.username", "petclinic"));
        assertNull(SecretFingerprints.of("DB_PASSWORD", "changeme"));
        assertNull(SecretFingerprints.of("DB_PASSWORD", "${DB_PASSWORD}"));
        assertNull(SecretFingerprints.of("DB_PASSWORD", "root"), "too short to be evidence");
        assertNotNull(SecretFingerprints.of("DB_PASSWORD", "Tr0ub4dor-shop"));
        assertNotNull(SecretFingerprints.of("stripe", "sk_test_51NotARealKeyButLongEnough"), "a token shape under any key");
        assertNull(SecretFingerprints.of("other", "Zk8pQ2rT5vX9yB3nM6wL1cF4hJ7dG0sA"));
        assertNotNull(SecretFingerprints.of("other", "Zk8pQ2rT5vX9yB3nM6wL1cF4hJ7dG0sA", true), "random, in a Secret");
        assertEquals(SecretFingerprints.of("A_TOKEN", "Tr0ub4dor-shop"), SecretFingerprints.of("B_PASSWORD", "Tr0ub4dor-shop"));
    }

    @Test
    void literalsAndStandIns() {
        for (String v : List.of("hunter2", "changeme", "changeit", "guest", "123456")) {
            assertTrue(SecretValues.isLiteral(v), v);
        }
        for (String v : List.of("", "${X}", "$X", "$(X)", "${{ secrets.X }}", "{{ .Values.pw }}", "<password>", "xxxx",
                "your_password_here", "true", "8080", "/run/secrets/db", "vault:secret/db#pw", "pre-${X}", "TODO")) {
            assertFalse(SecretValues.isLiteral(v), v);
        }
        assertTrue(SecretValues.mayBeSecret("${X:-fallback-pw}"), "a literal default is not only a reference");
    }

    @Test
    void examplesInTextAreNotSecrets() {
        // a key's header with a body cut short, in a help text: an example; a whole key: a secret
        String help = "Example: KEY=\"-----BEGIN ENCRYPTED PRIVATE KEY-----\\nMIIFDjBABgkqhkiG9w0BBQ0wMzAbBgkqhkiG9w0BBQwwDg...\"";
        assertNull(SecretScanner.shape(null, help));
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            body.append("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n");
        }
        assertEquals(SecretType.PRIVATE_KEY, SecretScanner.shape(null,
                "-----BEGIN PRIVATE KEY-----\n" + body + "-----END PRIVATE KEY-----\n"));
        // foo:bar in a URL is a test's stand-in; a real-looking password is not
        assertNull(UrlPasswords.firstLiteral("smtp://foo:bar@mail.example.com/"));
        assertNotNull(UrlPasswords.firstLiteral("smtp://mailer:Kq8x2mZp@mail.example.com/"));
    }

    @Test
    void labelsAreJudgedOnShortValuesOnlyAndLongOnesDoNotOverflow() {
        assertTrue(SecretKeys.isLabel("AUTHENTICATION_TOKEN_KEY", "jhi-authenticationToken"));
        assertTrue(SecretKeys.isLabel("password", "incorrectPassword"));
        assertTrue(SecretKeys.isLabel("STORAGE_KEY", "app-conversation"));
        assertFalse(SecretKeys.isLabel("JWT_SECRET", "my-jwt-secret"));
        // a megabyte of words under label-like names: no label, and no StackOverflowError from the word patterns
        String longWords = "ab-".repeat(340_000) + "x";
        String longCamel = "aB".repeat(500_000);
        for (String name : List.of("ACCESS_TOKEN_KEY", "password", "CACHE_KEY")) {
            assertFalse(SecretKeys.isLabel(name, longWords), name);
            assertFalse(SecretKeys.isLabel(name, longCamel), name);
        }
    }
}
