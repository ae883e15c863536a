package io.archlens.secrets;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Judges values: a real-looking secret, or a placeholder ({@code changeme}, {@code <your-key>}, {@code xxx},
 * empty), a reference to a secret kept elsewhere (<code>${VAR}</code>, {@code $(VAR)}, <code>{{ .x }}</code>,
 * {@code vault:}, {@code /run/secrets/...}) or a trivial value (booleans, short numbers)?
 *
 * <p>Entropy thresholds (Shannon entropy of the character distribution, bits per character): a
 * "random-looking" value has no whitespace, is not a URL, path, UUID or number, and either has at least
 * {@value #MIN_RANDOM_LENGTH} characters from the base64/base62 alphabet with both a letter and a digit and
 * entropy of at least {@value #MIN_RANDOM_ENTROPY}, or at least {@value #MIN_HEX_LENGTH} hex characters with
 * entropy of at least {@value #MIN_HEX_ENTROPY}. Random base62 strings of 24+ characters score about 4.2-4.6;
 * words, identifiers and hostnames of that length usually stay below 4.0. All checks are linear scans.
 */
public final class SecretValues {
    public static final int MIN_RANDOM_LENGTH = 24;
    public static final double MIN_RANDOM_ENTROPY = 4.0;
    public static final int MIN_HEX_LENGTH = 32;
    public static final double MIN_HEX_ENTROPY = 3.0;

    private static final Set<String> PLACEHOLDER_WORDS = Set.of("changeme", "change-me", "change_me", "changeit",
            "change-it", "change_it", "replaceme", "replace-me", "replace_me", "todo", "tbd", "fixme", "placeholder",
            "redacted", "dummy", "fake", "none", "null", "nil", "undefined", "n/a", "na");
    /** Words that, as one part of a value, say it is a stand-in ({@code mock_secret}, {@code fake-api-key}). */
    private static final Set<String> SELF_DECLARED = Set.of("mock", "mocked", "fake", "dummy");
    private static final List<String> PLACEHOLDER_PREFIXES = List.of("your", "my", "enter", "insert", "put", "add",
            "replace", "set");
    private static final List<String> PLACEHOLDER_PARTS = List.of("changeme", "change_me", "change-me", "replace_me",
            "replace-me", "placeholder", "xxxxxx", "<redacted");
    private static final Set<String> TRIVIAL = Set.of("true", "false", "yes", "no", "on", "off", "null", "none",
            "nil", "~", "\"\"", "''");
    private static final List<String> STORE_PREFIXES = List.of("vault:", "op://", "sm://", "secret://", "awssm:",
            "gcp:", "azkv:", "ref+", "arn:aws:", "secretsmanager:", "azurekeyvault:", "/run/secrets/",
            "/var/run/secrets/", "enc(", "classpath:", "file:", "env:", "sops:");
    private static final Set<String> EXAMPLE_WORDS = Set.of("example", "sample", "dummy", "fake", "test", "demo",
            "secret", "password", "passwd", "changeme", "foo", "bar", "xyz", "abc", "123", "localhost", "local", "dev");

    private SecretValues() {
    }

    /**
     * Empty, a stock placeholder word ({@code changeme}, {@code todo}, {@code password}...), a value with a part that
     * says it is a stand-in ({@code mock_secret}, {@code fake-key}, {@code dummy.token}), a wrapped name
     * ({@code <key>}, {@code [key]}, <code>{{key}}</code>), {@code your_...} / {@code ..._here}, or a single
     * repeated character ({@code xxx}, {@code ***}).
     */
    public static boolean isPlaceholder(String value) {
        if (value == null) {
            return true;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return true;
        }
        char first = v.charAt(0);
        boolean repeated = true;
        for (int i = 1; i < v.length() && repeated; i++) {
            repeated = v.charAt(i) == first;
        }
        if (repeated || repeatedAfterPunctuation(v)) {
            return true;
        }
        String l = v.toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_WORDS.contains(l) || l.endsWith("_here") || l.endsWith("-here") || l.endsWith(" here")) {
            return true;
        }
        for (String p : PLACEHOLDER_PREFIXES) {
            if (l.length() > p.length() + 1 && l.startsWith(p)) {
                char sep = l.charAt(p.length());
                if (sep == '_' || sep == '-' || sep == ' ') {
                    return true;
                }
            }
        }
        for (String p : PLACEHOLDER_PARTS) {
            if (l.contains(p)) {
                return true;
            }
        }
        for (String word : l.split("[-_.:/ ]+")) {
            if (SELF_DECLARED.contains(word)) {
                return true;  // mock_secret, fake-api-key, jwt.dummy: a value that says it is not the real one
            }
        }
        char last = v.charAt(v.length() - 1);
        return first == '<' && last == '>' && v.indexOf('>') == v.length() - 1
                || first == '[' && last == ']' && v.indexOf(']') == v.length() - 1
                || isReference(v);
    }

    /** {@code :xxxxx}, {@code <****>}: one repeated character (3 or more) between punctuation, a redaction mark. */
    private static boolean repeatedAfterPunctuation(String v) {
        int a = 0;
        int b = v.length();
        while (a < b && !Character.isLetterOrDigit(v.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(v.charAt(b - 1))) {
            b--;
        }
        if (b - a < 3 || a == 0 && b == v.length()) {
            return false;
        }
        for (int i = a + 1; i < b; i++) {
            if (v.charAt(i) != v.charAt(a)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The whole value only refers to a secret kept elsewhere: variables (<code>${X}</code>, {@code $X},
     * {@code $(X)}, {@code %X%}, <code>${{ secrets.X }}</code>, <code>{{ .Values.x }}</code>, several of them in a row)
     * without a literal default, or a secret store / mounted secret file ({@code vault:}, {@code arn:aws:},
     * {@code /run/secrets/...}).
     */
    public static boolean isReference(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return false;
        }
        String l = v.toLowerCase(Locale.ROOT);
        for (String p : STORE_PREFIXES) {
            if (l.startsWith(p)) {
                return true;
            }
        }
        int i = 0;
        while (i < v.length()) {
            int end = referenceEnd(v, i);
            if (end < 0) {
                return false;
            }
            i = end;
        }
        return true;
    }

    /** End of the reference starting at {@code i} ({@code $X}, <code>${X}</code>, {@code $(X)}, <code>{{..}}</code>, {@code %X%}), or -1. */
    private static int referenceEnd(String v, int i) {
        if (v.startsWith("$$", i) && i + 2 < v.length() && v.charAt(i + 2) != '$') {
            i++; // Compose's escaped $$VAR, evaluated by the container's shell
        }
        char c = v.charAt(i);
        if (c == '$' && i + 1 < v.length()) {
            char d = v.charAt(i + 1);
            if (d == '{' && v.startsWith("${{", i)) {
                int close = v.indexOf("}}", i + 3);
                return close < 0 ? -1 : close + 2;
            }
            if (d == '{' || d == '(') {
                int close = v.indexOf(d == '{' ? '}' : ')', i + 2);
                if (close < 0) {
                    return -1;
                }
                String inner = v.substring(i + 2, close);
                int dflt = inner.indexOf(":-");
                if (dflt < 0) {
                    dflt = inner.indexOf(':') >= 0 && !inner.contains(":?") ? inner.indexOf(':') : -1;
                }
                if (dflt >= 0) {
                    String def = inner.substring(dflt + (inner.startsWith(":-", dflt) ? 2 : 1));
                    if (!def.isBlank() && !def.startsWith("$")) {
                        return -1; // a literal default is a literal
                    }
                }
                return close + 1;
            }
            int j = i + 1;
            while (j < v.length() && (Character.isLetterOrDigit(v.charAt(j)) || v.charAt(j) == '_')) {
                j++;
            }
            return j > i + 1 ? j : -1;
        }
        if (c == '{' && v.startsWith("{{", i)) {
            int close = v.indexOf("}}", i + 2);
            return close < 0 ? -1 : close + 2;
        }
        if (c == '%' && i + 1 < v.length()) {
            int close = v.indexOf('%', i + 1);
            if (close > i + 1 && v.substring(i + 1, close).chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                return close + 1;
            }
        }
        if (c == '#' && v.startsWith("#{", i)) { // Spring SpEL / Ruby interpolation
            int close = v.indexOf('}', i + 2);
            return close < 0 ? -1 : close + 1;
        }
        return -1;
    }

    /** Contains an interpolation anywhere (<code>${</code>, {@code $(}, <code>{{</code>, {@code $NAME}). */
    public static boolean isInterpolated(String value) {
        if (value == null) {
            return false;
        }
        if (value.contains("${") || value.contains("$(") || value.contains("{{") || value.contains("#{")) {
            return true;
        }
        int d = value.indexOf('$');
        while (d >= 0 && d + 1 < value.length()) {
            char n = value.charAt(d + 1);
            if (Character.isLetter(n) || n == '_') {
                return true;
            }
            d = value.indexOf('$', d + 1);
        }
        return false;
    }

    /** Booleans, null words, empty quotes and numbers of up to five characters (ports, counts, flags). */
    public static boolean isTrivial(String value) {
        String v = value.strip();
        if (TRIVIAL.contains(v.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (v.isEmpty() || v.length() > 5) {
            return v.isEmpty();
        }
        int start = v.charAt(0) == '-' ? 1 : 0;
        boolean digit = false;
        for (int i = start; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isDigit(c)) {
                digit = true;
            } else if (c != '.') {
                return false;
            }
        }
        return digit;
    }

    /**
     * The value may be a secret: not blank, not only a reference, not trivial. The redactor's test: when in
     * doubt, a value is withheld.
     */
    public static boolean mayBeSecret(String value) {
        return value != null && !value.isBlank() && !isReference(value) && !isTrivial(value);
    }

    /**
     * A literal secret worth a finding: may be a secret, no interpolation anywhere, not a stand-in that cannot be
     * a password ({@link #isStandIn}), not a file path to the secret. The rule book's test. Stock words such as
     * {@code changeme} or {@code changeit} do count: they work as passwords, and are the first ones tried.
     */
    public static boolean isLiteral(String value) {
        return mayBeSecret(value) && !isInterpolated(value) && !isStandIn(value) && !isFilePath(value);
    }

    /**
     * A value that only marks where a secret goes: wrapped ({@code <key>}, {@code [key]}), a single repeated
     * character ({@code xxx}, {@code ***}), {@code your_..._here}, or a word such as {@code placeholder},
     * {@code redacted}, {@code todo}.
     */
    public static boolean isStandIn(String value) {
        String l = value.strip().toLowerCase(Locale.ROOT);
        return isPlaceholder(value) && !l.startsWith("change") && !l.startsWith("replace");
    }

    /** A path to a key or secret file rather than the secret. */
    public static boolean isFilePath(String value) {
        String v = value.strip();
        return (v.startsWith("/") || v.startsWith("./") || v.startsWith("../") || v.startsWith("~/")
                || v.startsWith("file:")) && v.indexOf(' ') < 0 && v.indexOf('\n') < 0;
    }

    /** Not a plain word or identifier: has a digit and a letter, mixed case, symbols, or 16+ characters. */
    public static boolean credentialLike(String value) {
        String v = value.strip();
        if (v.length() >= 16) {
            return true;
        }
        boolean letter = false;
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        boolean symbol = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            symbol |= !Character.isLetterOrDigit(c) && c != '-' && c != '_' && c != '.';
        }
        return letter && digit || upper && lower || symbol;
    }

    /** Placeholder, or obviously made up (for example files): example words, short or low-entropy values. */
    public static boolean looksMadeUp(String value) {
        String v = value.strip();
        if (isPlaceholder(v) || v.length() < 12 || entropy(v) < 3.0) {
            return true;
        }
        String l = v.toLowerCase(Locale.ROOT);
        for (String w : EXAMPLE_WORDS) {
            if (l.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Shannon entropy of the value's characters, in bits per character. */
    public static double entropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        s.codePoints().forEach(cp -> counts.merge(cp, 1, Integer::sum));
        double n = s.codePointCount(0, s.length());
        double h = 0;
        for (int c : counts.values()) {
            double p = c / n;
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }

    /** True when the value looks like a random secret by its shape and entropy (thresholds in the class doc). */
    public static boolean looksRandom(String value) {
        String v = value.strip();
        if (v.length() < MIN_RANDOM_LENGTH || v.contains("://") || isFilePath(v) || isUuid(v)) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        boolean hex = true;
        boolean base64ish = true;
        boolean numeric = true;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isWhitespace(c)) {
                return false;
            }
            boolean isDigit = c >= '0' && c <= '9';
            boolean isLetter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            letter |= isLetter;
            digit |= isDigit;
            hex &= isDigit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            base64ish &= isDigit || isLetter || "+/=_-".indexOf(c) >= 0;
            numeric &= isDigit || ".,:-".indexOf(c) >= 0;
        }
        if (numeric) {
            return false;
        }
        if (hex) {
            return v.length() >= MIN_HEX_LENGTH && entropy(v) >= MIN_HEX_ENTROPY;
        }
        return base64ish && letter && digit && entropy(v) >= MIN_RANDOM_ENTROPY;
    }

    private static boolean isUuid(String v) {
        if (v.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = v.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
