package io.archlens.secrets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archlens.agent.redact.Redacted;
import io.archlens.agent.redact.Redactor;
import io.archlens.analysis.SourceFile;
import io.archlens.filekind.FileKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A guard against super-linear matching (issue 11 §2: the old URL-password pattern took 30 s on 40 k characters
 * and over ten minutes on 1 MB): the detector and the Redactor must finish on 1 MB adversarial inputs of every
 * shape within a generous bound (10 s: the build machine may be shared; a 1 MB input takes well under a second
 * on an idle core). Not a benchmark; the bound only catches quadratic or exponential blow-up.
 */
class SecretDetectorLinearTimeTest {
    private static final int MB = 1 << 20;
    private static final Duration BOUND = Duration.ofSeconds(10);

    static String repeat(String unit) {
        return unit.repeat(MB / unit.length() + 1).substring(0, MB);
    }

    static String base64ish(long seed) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(MB);
        for (int i = 0; i < MB; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static Map<String, String> inputs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("url without @", "DATABASE_URL=postgres://user:" + repeat("p"));
        m.put("url-like run", "url: " + repeat("redis://a:b"));
        m.put("a:a:a...@", repeat("a:") + "@host");
        m.put("scheme soup", repeat("a://a:a@"));
        m.put("jdbc oracle", repeat("jdbc:oracle:thin:u/"));
        m.put("base64 run", base64ish(11));
        m.put("jwt-ish", "token " + repeat("eyJhbGciOiJIUzI1NiJ9."));
        m.put("token prefixes", repeat("sk-ghp_AIzaxoxb-glpat-SG.hvs.eyJ-"));
        m.put("line of =", repeat("="));
        m.put("line of :", repeat(":"));
        m.put("line of =:", repeat("=:"));
        m.put("assignment chain", repeat("a="));
        m.put("secret assignment chain", repeat("password="));
        m.put("quoted secret chain", repeat("password: \"x"));
        m.put("dollar run", "PASSWORD=" + repeat("$"));
        m.put("reference run", "PASSWORD=" + repeat("${"));
        m.put("sql", repeat("CREATE USER u IDENTIFIED BY PASSWORD '"));
        m.put("commands", repeat("mysql -p docker login -p curl -u a:"));
        m.put("headers", repeat("Authorization Basic Bearer "));
        m.put("private key headers", repeat("-----BEGIN RSA PRIVATE KEY-----"));
        m.put("private key words", repeat("PRIVATE KEY "));
        m.put("many lines", repeat("DB_PASS=hunter2xyz\n"));
        m.put("key of dots", repeat("a.") + "=x");
        return m;
    }

    /** Text scanning runs for every kind; YAML and Terraform add a structural pass, checked on a few inputs. */
    @TestFactory
    Stream<DynamicTest> detectorAndRedactorFinishOnOneMegabyteInputs() {
        Stream<Map.Entry<String, FileKind>> cases = Stream.concat(
                inputs().keySet().stream().map(k -> Map.entry(k, FileKind.UNKNOWN)),
                Stream.of("url-like run", "a:a:a...@", "line of :", "base64 run").flatMap(k -> Stream.of(
                        Map.entry(k, FileKind.COMPOSE), Map.entry(k, FileKind.TERRAFORM), Map.entry(k, FileKind.JAVA))));
        Map<String, String> inputs = inputs();
        return cases.map(c -> Map.entry(Map.entry(c.getKey(), inputs.get(c.getKey())), c.getValue())).map(c -> {
            Map.Entry<String, String> e = c.getKey();
            FileKind kind = c.getValue();
            return DynamicTest.dynamicTest(e.getKey() + " as " + kind, () -> {
                    SourceFile f = new SourceFile("file:///w/big", "big", e.getValue(), kind, 1);
                    long t0 = System.nanoTime();
                    Redacted r = assertTimeoutPreemptively(BOUND, () -> Redactor.redact(f));
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    System.err.println("linear-time " + e.getKey() + " as " + kind + ": " + ms + " ms, "
                            + r.redactions().size() + " redactions");
                    assertTrue(r.text().length() > 0);
                });
        });
    }

    @TestFactory
    Stream<DynamicTest> urlPasswordsAndShapesFinishOnOneMegabyteValues() {
        return inputs().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String v = e.getValue();
            assertTimeoutPreemptively(BOUND, () -> {
                UrlPasswords.find(v);
                SecretScanner.shape("AWS_SECRET_ACCESS_KEY", v);
                SecretValues.isLiteral(v);
                SecretValues.looksRandom(v);
                SecretKeys.hint(v);
                return SecretFingerprints.of("DB_PASSWORD", v);
            });
        }));
    }

    @org.junit.jupiter.api.Test
    void aSecretAfterOneMegabyteOfNoiseIsStillFound() {
        String text = repeat("a:") + "\nDATABASE_URL=redis://:Zq8-unique-pw@cache:6379\n";
        Redacted r = assertTimeoutPreemptively(BOUND, () -> Redactor.redact(
                new SourceFile("file:///w/x.properties", "x.properties", text, FileKind.SPRING_PROPERTIES, 1)));
        assertFalse(r.text().contains("Zq8-unique-pw"));
    }
}
