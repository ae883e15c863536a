package io.archlens.rules.dotenv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret detection shared by the .env rules: key names that announce a secret, value shapes of well-known
 * credentials, placeholders, embedded URL passwords and Shannon entropy. Descriptions say what a value looks
 * like; nothing here ever returns the value itself.
 *
 * <p>Entropy thresholds (bits per character, Shannon entropy of the character distribution):
 * a "random-looking" value has no whitespace, is not a URL, path, UUID or number, and either has at least
 * {@value #MIN_RANDOM_LENGTH} characters from the base64/base62 alphabet with both a letter and a digit and
 * entropy of at least {@value #MIN_RANDOM_ENTROPY}, or at least {@value #MIN_HEX_LENGTH} hex characters with
 * entropy of at least {@value #MIN_HEX_ENTROPY}. Random base62 strings of 24+ characters score about 4.2-4.6;
 * words, identifiers and hostnames of that length usually stay below 4.0.
 */
final class Secrets {
    static final int MIN_RANDOM_LENGTH = 24;
    static final double MIN_RANDOM_ENTROPY = 4.0;
    static final int MIN_HEX_LENGTH = 32;
    static final double MIN_HEX_ENTROPY = 3.0;

    /** A known credential format. */
    record Shape(String description, Pattern pattern, String anchor) {
        Shape(String description, Pattern pattern) {
            this(description, pattern, null);
        }

        /** Cheap pre-check: the literal every match contains. */
        boolean mayMatch(String value) {
            return anchor == null || value.contains(anchor);
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("a PEM private key", Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----"),
                    "PRIVATE KEY"),
            new Shape("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b")),
            new Shape("a GitHub token",
                    Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b")),
            new Shape("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"), "glpat-"),
            new Shape("an Anthropic API key", Pattern.compile("\\bsk-ant-[a-z]+\\d*-[A-Za-z0-9_-]{20,}"),
                    "sk-ant-"),
            new Shape("an OpenAI API key", Pattern.compile("\\bsk-(proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"),
                    "sk-"),
            new Shape("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), "xox"),
            new Shape("a Slack webhook URL", Pattern.compile(
                    "https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+"),
                    "hooks.slack.com"),
            new Shape("a Stripe live secret key", Pattern.compile("\\b[sr]k_live_[A-Za-z0-9]{16,}"),
                    "k_live_"),
            new Shape("a Stripe test secret key", Pattern.compile("\\b[sr]k_test_[A-Za-z0-9]{16,}"),
                    "k_test_"),
            new Shape("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"), "AIza"),
            new Shape("a SendGrid API key", Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}"),
                    "SG."),
            new Shape("an npm token", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b"), "npm_"),
            new Shape("a JSON Web Token",
                    Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), "eyJ"));
    private static final Pattern AWS_SECRET = Pattern.compile("[A-Za-z0-9/+]{40}");

    private static final Set<String> SECRET_WORDS = Set.of("PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "SECRETS",
            "TOKEN", "TOKENS", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PASSPHRASE", "PRIVATEKEY");
    private static final Set<String> KEY_WORDS = Set.of("KEY", "KEYS");
    /** Words before KEY that make it a credential. */
    private static final Set<String> STRONG_KEY_QUALIFIERS = Set.of("API", "APP", "ACCESS", "SECRET", "PRIVATE",
            "ENCRYPTION", "SIGNING", "MASTER", "LICENSE", "AUTH", "CLIENT", "SERVICE", "WEBHOOK", "HMAC", "JWT",
            "SESSION", "CRYPTO", "SSH", "TLS", "SSL", "GPG", "PGP", "DEPLOY", "ADMIN", "ROOT", "WRITE", "READ",
            "INGEST", "SERVER", "SECURITY", "ENCRYPT", "DECRYPT", "CIPHER", "AES", "RSA", "SIGN", "ACCOUNT",
            "SUBSCRIPTION");
    /** Words before KEY that make it a lookup key or a public key, not a credential. */
    private static final Set<String> PUBLIC_KEY_QUALIFIERS = Set.of("PUBLIC", "PUBLISHABLE", "SITE", "CACHE",
            "PARTITION", "SORT", "PRIMARY", "FOREIGN", "ROUTING", "OBJECT", "IDEMPOTENCY", "HOTKEY", "NEXT", "PREV",
            "LOOKUP", "MAP", "DEDUP", "GROUP", "QUEUE", "TOPIC", "STREAM", "BUCKET", "INDEX", "SHARD", "CONFIG",
            "FEATURE", "FLAG", "LOCK", "MESSAGE", "EVENT", "STATE", "STORAGE", "REGISTRY", "ENTRY", "S3", "REDIS",
            "TRANSLATION", "I18N", "LABEL", "METRIC");
    private static final Set<String> META_WORDS = Set.of("FILE", "PATH", "DIR", "URL", "URI", "ENDPOINT", "HOST",
            "PORT", "LENGTH", "LEN", "SIZE", "TTL", "EXPIRY", "EXPIRES", "EXPIRATION", "EXPIRE", "TIMEOUT", "ENABLED",
            "ENABLE", "DISABLED", "REQUIRED", "HEADER", "NAME", "ID", "IDS", "TYPE", "ALGORITHM", "ALG", "MIN", "MAX",
            "ROTATION", "POLICY", "LIFETIME", "PREFIX", "SUFFIX", "VERSION", "REF", "ARN", "FIELD", "PARAM", "ISSUER",
            "AUDIENCE", "SCOPE", "SCOPES", "REGION", "MODE", "STRATEGY", "PROVIDER", "HASH", "ROUNDS", "COST", "COOKIE",
            "STORE", "BACKEND", "LOCATION", "FORMAT", "DAYS", "HOURS", "MINUTES", "SECONDS", "COUNT", "RESET",
            "PATTERN", "REGEX", "VAULT");
    /** Key suffixes of values that are random but not secret (commit hashes, ids). */
    private static final Set<String> NOT_SECRET_RANDOM = Set.of("ID", "IDS", "UUID", "GUID", "SHA", "HASH",
            "COMMIT", "CHECKSUM", "DIGEST", "VERSION", "REVISION", "REV", "FINGERPRINT", "BUILD", "TAG", "NAME",
            "URL", "URI", "HOST", "PATH", "BUCKET", "REGION", "IMAGE", "NONCE");

    private static final Set<String> PLACEHOLDER_WORDS = Set.of("changeme", "change-me", "change_me", "changeit",
            "change-it", "change_it", "replaceme", "replace-me", "replace_me", "todo", "tbd", "fixme", "placeholder",
            "redacted", "dummy", "fake", "none", "null", "nil", "undefined", "n/a", "na");
    private static final List<String> PLACEHOLDER_PREFIXES = List.of("your", "my", "enter", "insert", "put", "add",
            "replace", "set");
    private static final List<String> PLACEHOLDER_PARTS = List.of("changeme", "change_me", "change-me", "replace_me",
            "replace-me", "placeholder", "xxxxxx");
    private static final Pattern WRAPPED = Pattern.compile("<[^>]*>|\\[[^\\]]*\\]|\\{\\{[^}]*}}|\\$\\{[^}]*}"
            + "|\\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%");
    /** Example files only: obviously not a real value. */
    private static final Pattern EXAMPLE_WORD = Pattern.compile("(?i).*(example|sample|dummy|fake|test|demo|secret"
            + "|password|passwd|changeme|foo|bar|xyz|abc|123|localhost|local|dev).*");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern VAR_REF = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.,:-]+");
    /** No known credential format is shorter than this. */
    private static final int MIN_SHAPE_LENGTH = 15;
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern BASE64ISH = Pattern.compile("[A-Za-z0-9+/=_\\-]+");

    private Secrets() {
    }

    /** Upper-case words of a key: {@code dbPassword_FILE} gives DB, PASSWORD, FILE. */
    static List<String> words(String key) {
        List<String> out = new ArrayList<>(4);
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '_' || c == '.' || c == '-') {
                flush(out, cur);
                continue;
            }
            if (Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(key.charAt(i - 1))
                    || Character.isDigit(key.charAt(i - 1)))) {
                flush(out, cur);
            }
            cur.append(Character.toUpperCase(c));
        }
        flush(out, cur);
        return out;
    }

    private static void flush(List<String> out, StringBuilder cur) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }

    /** How surely a key name announces a secret. */
    enum KeyHint {
        NONE,
        /** {@code *_KEY} with a qualifier not clearly about credentials ({@code STRIPE_KEY}, {@code PAGE_KEY}). */
        WEAK,
        /** A secret word ({@code PASSWORD}, {@code SECRET}, {@code TOKEN}...) or {@code API_KEY}-like names. */
        STRONG
    }

    /** True when the key names a secret (strongly or weakly). */
    static boolean isSecretKey(String key) {
        return keyHint(key) != KeyHint.NONE;
    }

    /**
     * Secret words in the key, unless a later word says the value is metadata about the secret
     * ({@code PASSWORD_MIN_LENGTH}, {@code DB_PASSWORD_FILE}, {@code TOKEN_EXPIRES_IN}).
     */
    static KeyHint keyHint(String key) {
        List<String> w = words(key);
        int secretAt = -1;
        KeyHint hint = KeyHint.NONE;
        for (int i = 0; i < w.size(); i++) {
            String s = w.get(i);
            if (SECRET_WORDS.contains(s)) {
                secretAt = i;
                hint = KeyHint.STRONG;
            } else if (KEY_WORDS.contains(s) && (i == 0 || !PUBLIC_KEY_QUALIFIERS.contains(w.get(i - 1)))) {
                secretAt = i;
                if (hint != KeyHint.STRONG) {
                    hint = i == 0 || STRONG_KEY_QUALIFIERS.contains(w.get(i - 1)) ? KeyHint.STRONG : KeyHint.WEAK;
                }
            }
        }
        if (secretAt < 0) {
            return KeyHint.NONE;
        }
        for (int i = secretAt + 1; i < w.size(); i++) {
            if (META_WORDS.contains(w.get(i))) {
                return KeyHint.NONE;
            }
        }
        return hint;
    }

    /** Not a plain word or identifier: has a digit and a letter, mixed case, symbols, or 16+ characters. */
    static boolean credentialLike(String value) {
        String v = value.strip();
        if (v.length() >= 16) {
            return true;
        }
        boolean letter = v.chars().anyMatch(Character::isLetter);
        boolean digit = v.chars().anyMatch(Character::isDigit);
        boolean upper = v.chars().anyMatch(Character::isUpperCase);
        boolean lower = v.chars().anyMatch(Character::isLowerCase);
        boolean symbol = v.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && c != '-' && c != '_' && c != '.');
        return letter && digit || upper && lower || symbol;
    }

    /** True when random-looking values of this key are not secrets (ids, hashes, versions). */
    static boolean randomIsExpected(String key) {
        List<String> w = words(key);
        return !w.isEmpty() && NOT_SECRET_RANDOM.contains(w.get(w.size() - 1));
    }

    /**
     * Empty, a stock placeholder word ({@code changeme}, {@code todo}...), a wrapped name ({@code <key>},
     * {@code [key]}, <code>{{key}}</code>, <code>${KEY}</code>, {@code $KEY}, {@code %KEY%}), {@code your_...} /
     * {@code ..._here}, or a single repeated character ({@code xxx}, {@code ***}).
     */
    static boolean isPlaceholder(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return true;
        }
        char first = v.charAt(0);
        boolean repeated = true;
        for (int i = 1; i < v.length() && repeated; i++) {
            repeated = v.charAt(i) == first;
        }
        if (repeated) {
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
        return (first == '<' || first == '[' || first == '{' || first == '$' || first == '%')
                && WRAPPED.matcher(v).matches();
    }

    /** Placeholder, or obviously made up (for example files): example words, short or low-entropy values. */
    static boolean looksMadeUp(String value) {
        String v = value.strip();
        return isPlaceholder(v) || EXAMPLE_WORD.matcher(v).matches() || v.length() < 12 || entropy(v) < 3.0;
    }

    /** A reference to another variable or a secret store ({@code ${X}}, {@code $X}, vault:, arn:...). */
    static boolean isReference(String value) {
        String v = value.strip();
        return v.startsWith("${") || VAR_REF.matcher(v).matches() || v.startsWith("arn:aws:")
                || v.startsWith("vault:") || v.startsWith("op://") || v.startsWith("sm://") || v.startsWith("secret://")
                || v.startsWith("awssm:") || v.startsWith("gcp:") || v.startsWith("azkv:");
    }

    /** A path to a key or secret file rather than the secret. */
    static boolean isFilePath(String value) {
        String v = value.strip();
        return (v.startsWith("/") || v.startsWith("./") || v.startsWith("../") || v.startsWith("~/")
                || v.startsWith("file:")) && v.indexOf(' ') < 0 && v.indexOf('\n') < 0;
    }

    /** The known credential format the value matches, or null. */
    static Shape shape(String key, String value) {
        if (value.length() < MIN_SHAPE_LENGTH) {
            return null;
        }
        for (Shape s : SHAPES) {
            if (s.mayMatch(value) && s.pattern().matcher(value).find()) {
                return s;
            }
        }
        List<String> w = words(key);
        if (w.contains("AWS") && (w.contains("SECRET") || w.contains("SECRETKEY")) && AWS_SECRET.matcher(value.strip())
                .matches()) {
            return new Shape("an AWS secret access key", AWS_SECRET);
        }
        return null;
    }

    /** Shannon entropy of the value's characters, in bits per character. */
    static double entropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
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
    static boolean looksRandom(String value) {
        String v = value.strip();
        if (v.length() < MIN_RANDOM_LENGTH || v.indexOf("://") >= 0 || isFilePath(v) || UUID.matcher(v).matches()
                || v.chars().anyMatch(Character::isWhitespace)
                || NUMERIC.matcher(v).matches()) {
            return false;
        }
        if (HEX.matcher(v).matches()) {
            return v.length() >= MIN_HEX_LENGTH && entropy(v) >= MIN_HEX_ENTROPY;
        }
        boolean letter = v.chars().anyMatch(Character::isLetter);
        boolean digit = v.chars().anyMatch(Character::isDigit);
        return v.length() >= MIN_RANDOM_LENGTH && BASE64ISH.matcher(v).matches() && letter && digit
                && entropy(v) >= MIN_RANDOM_ENTROPY;
    }

    /** A password embedded in a URL ({@code scheme://user:password@host}): offsets into the value. */
    record UrlPassword(int start, int end, String scheme) {
    }

    private static final Pattern URL_START = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*)://");

    static List<UrlPassword> urlPasswords(String value) {
        List<UrlPassword> out = new ArrayList<>();
        Matcher m = URL_START.matcher(value);
        int from = 0;
        while (from < value.length() && m.find(from)) {
            int authStart = m.end();
            int authEnd = authStart;
            while (authEnd < value.length() && "/?# \t\r\n,;\"'".indexOf(value.charAt(authEnd)) < 0) {
                authEnd++;
            }
            int at = value.lastIndexOf('@', authEnd - 1);
            if (at >= authStart) {
                int colon = value.indexOf(':', authStart);
                if (colon >= 0 && colon < at && at > colon + 1) {
                    out.add(new UrlPassword(colon + 1, at, m.group(1).toLowerCase(Locale.ROOT)));
                }
            }
            from = Math.max(authEnd, m.end());
        }
        return out;
    }
}
