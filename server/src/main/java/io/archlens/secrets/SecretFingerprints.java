package io.archlens.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A secret literal's identity without its value (a truncated SHA-256), for comparing secrets across files.
 * Only real-looking secrets get one: the value of a secret-like key ({@link SecretKeys#isSecretKey}) that is a
 * literal ({@link SecretValues#isLiteral}) of at least {@value #MIN_LENGTH} characters and not a stock word, or
 * any value in a known token format; inside a secret store (a Kubernetes Secret's data) also a random-looking
 * value under any key. A database name, a user name or a URL under another key
 * ({@code database: petclinic}, {@code POSTGRES_DB}, {@code spring.datasource.username}) is never one.
 */
public final class SecretFingerprints {
    /** Shorter values are too likely to repeat by accident (e.g. "admin", "root") to be worth comparing. */
    public static final int MIN_LENGTH = 6;

    private SecretFingerprints() {
    }

    /** The fingerprint of the value of {@code key}, or null when it is not a real-looking secret. */
    public static String of(String key, String value) {
        return of(key, value, false);
    }

    /** {@code secretStore}: the value is an entry of a Secret object, so a random-looking value counts under any key. */
    public static String of(String key, String value, boolean secretStore) {
        if (value == null || !SecretValues.isLiteral(value)) {
            return null;
        }
        String v = value.strip();
        boolean named = key != null && SecretKeys.isSecretKey(key) && looksReal(v);
        if (!named && SecretScanner.shape(key, v) == null && !(secretStore && SecretValues.looksRandom(v))) {
            return null;
        }
        return hash(v);
    }

    /** The fingerprint of a password found inside a URL, or null when it is not a real-looking one. */
    public static String ofPassword(String password) {
        return password != null && SecretValues.isLiteral(password) && looksReal(password.strip())
                ? hash(password.strip()) : null;
    }

    private static boolean looksReal(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        return v.length() >= MIN_LENGTH && !SecretValues.isPlaceholder(v) && !l.startsWith("http")
                && !l.equals("password") && !l.equals("secret")
                && !l.startsWith("example");
    }

    private static String hash(String v) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
