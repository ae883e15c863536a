package io.archlens.model;

import io.archlens.rules.common.SecretValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Secret literals as the model keeps them: a fingerprint, never the value. */
final class Secrets {
    /** Shorter values are too likely to repeat by accident (e.g. "admin", "root") to be worth reporting. */
    static final int MIN_LENGTH = 6;
    /** Placeholders that say "put the secret here", not secrets. */
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile(
            "(?i)changeme|change-?me.*|password|secret|x{4,}|\\*{3,}|<.*>|your[_-].*|.*[_-]here|todo|tbd|dummy|example.*");

    private Secrets() {
    }

    /** The fingerprint of a value worth comparing across files, or null when it is no secret literal. */
    static String fingerprint(String key, String value) {
        if (value == null || !SecretValues.literal(value)) {
            return null;
        }
        String v = value.strip();
        if (v.length() < MIN_LENGTH || v.toLowerCase(Locale.ROOT).startsWith("http") || PLACEHOLDER.matcher(v).matches()) {
            return null;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean secretName(String key) {
        return SecretValues.secretName(key);
    }
}
