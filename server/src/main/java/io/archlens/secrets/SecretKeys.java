package io.archlens.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Judges key names: does {@code DB_PASS}, {@code spring.datasource.password}, {@code apiKey} or
 * {@code client-secret} name a secret? Keys are split into upper-case words ({@code dbPassword_FILE} gives DB,
 * PASSWORD, FILE). A secret word ({@code PASSWORD}, {@code PASS}, {@code PWD}, {@code SECRET}, {@code TOKEN},
 * {@code APIKEY}...) or {@code KEY} after a credential qualifier ({@code API_KEY}, {@code PRIVATE_KEY}) makes the
 * key secret, unless a later word says the value is metadata about the secret ({@code PASSWORD_FILE},
 * {@code TOKEN_TTL}, {@code SECRET_NAME}).
 */
public final class SecretKeys {
    private static final Set<String> SECRET_WORDS = Set.of("PASSWORD", "PASSWORDS", "PASSWD", "PASS", "PWD",
            "PASSPHRASE", "SECRET", "SECRETS", "TOKEN", "TOKENS", "APIKEY", "APIKEYS", "CREDENTIAL", "CREDENTIALS",
            "CREDS", "PRIVATEKEY", "SECRETKEY", "ACCESSKEY", "AUTHKEY", "SIGNINGKEY", "ENCRYPTIONKEY", "MASTERKEY");
    /** A single word ending like this is a secret word too ({@code rootpassword}, {@code clientsecret}). */
    private static final List<String> SECRET_ENDINGS = List.of("PASSWORD", "PASSWD", "SECRET", "TOKEN", "APIKEY",
            "PRIVATEKEY", "SECRETKEY", "PASSPHRASE");
    private static final Set<String> KEY_WORDS = Set.of("KEY", "KEYS");
    /** Words before KEY that make it a credential. */
    private static final Set<String> STRONG_KEY_QUALIFIERS = Set.of("API", "APP", "ACCESS", "SECRET", "PRIVATE",
            "ENCRYPTION", "SIGNING", "MASTER", "LICENSE", "AUTH", "CLIENT", "SERVICE", "WEBHOOK", "HMAC", "JWT",
            "SESSION", "CRYPTO", "SSH", "TLS", "SSL", "DEPLOY", "ADMIN", "ROOT", "WRITE", "READ",
            "INGEST", "SERVER", "SECURITY", "ENCRYPT", "DECRYPT", "CIPHER", "AES", "RSA", "SIGN", "ACCOUNT",
            "SUBSCRIPTION", "STORAGE");
    /** Words before KEY that make it a lookup key or a public key, not a credential. */
    private static final Set<String> PUBLIC_KEY_QUALIFIERS = Set.of("PUBLIC", "PUBLISHABLE", "SITE", "CACHE",
            "PARTITION", "SORT", "PRIMARY", "FOREIGN", "ROUTING", "OBJECT", "IDEMPOTENCY", "HOTKEY", "NEXT", "PREV",
            "LOOKUP", "MAP", "DEDUP", "GROUP", "QUEUE", "TOPIC", "STREAM", "BUCKET", "INDEX", "SHARD", "CONFIG",
            "FEATURE", "FLAG", "LOCK", "MESSAGE", "EVENT", "STATE", "REGISTRY", "ENTRY", "S3", "REDIS",
            "TRANSLATION", "I18N", "LABEL", "METRIC");
    /** Words after the secret word that make the value metadata about the secret. */
    private static final Set<String> META_WORDS = Set.of("FILE", "PATH", "DIR", "URL", "URI", "ENDPOINT", "HOST",
            "PORT", "LENGTH", "LEN", "SIZE", "TTL", "EXPIRY", "EXPIRES", "EXPIRATION", "EXPIRE", "TIMEOUT", "ENABLED",
            "ENABLE", "DISABLED", "REQUIRED", "HEADER", "NAME", "ID", "IDS", "TYPE", "ALGORITHM", "ALG", "MIN", "MAX",
            "ROTATION", "POLICY", "LIFETIME", "PREFIX", "SUFFIX", "VERSION", "REF", "ARN", "FIELD", "PARAM", "ISSUER",
            "AUDIENCE", "SCOPE", "SCOPES", "REGION", "MODE", "STRATEGY", "PROVIDER", "HASH", "ROUNDS", "COST", "COOKIE",
            "METER", "METRIC", "METRICS", "UNIT", "DIMENSION", "GAUGE", "COUNTER", "CONTEXT", "VERIFY", "VERIFICATION",
            "STORE", "BACKEND", "LOCATION", "FORMAT", "DAYS", "HOURS", "MINUTES", "SECONDS", "COUNT", "RESET",
            "PATTERN", "REGEX", "VAULT", "ENV", "VALIDITY", "SELECTOR", "USER", "USERNAME", "METHOD", "ALIAS",
            "LIMIT", "BUDGET", "KIND", "STDIN", "SPEC", "SPECS", "USAGE", "RING", "BITS", "CURVE", "OPS", "PARAMETER",
            "ENCODER", "GENERATOR", "VALIDATOR", "FIELDS", "REQUEST");
    /**
     * Words right before TOKEN(S) that make it a count ({@code max_tokens}, and a language model's usage report:
     * {@code cachedTokens}, {@code reasoningTokens}, {@code acceptedPredictionTokens}).
     */
    private static final Set<String> COUNT_WORDS = Set.of("MAX", "MIN", "NUM", "TOTAL", "INPUT", "OUTPUT", "PROMPT",
            "CONTEXT", "COMPLETION", "CACHED", "CACHE", "AUDIO", "REASONING", "PREDICTION", "IMAGE", "TEXT", "USED",
            "REMAINING", "GENERATED", "BILLED");

    /** A key that is only this word holds a list or map of secrets ({@code secrets: inherit}), not one. */
    private static final Set<String> CONTAINER_WORDS = Set.of("SECRETS", "TOKENS", "CREDENTIALS", "PASSWORDS");
    /** Key suffixes of values that are random but not secret (commit hashes, ids). */
    private static final Set<String> NOT_SECRET_RANDOM = Set.of("ID", "IDS", "UUID", "GUID", "SHA", "HASH",
            "COMMIT", "CHECKSUM", "DIGEST", "VERSION", "REVISION", "REV", "FINGERPRINT", "BUILD", "TAG", "NAME",
            "URL", "URI", "HOST", "PATH", "BUCKET", "REGION", "IMAGE", "NONCE");

    /** How surely a key name announces a secret. */
    public enum Hint {
        NONE,
        /** {@code *_KEY} with a qualifier not clearly about credentials ({@code STRIPE_KEY}, {@code key}). */
        WEAK,
        /** A secret word ({@code PASSWORD}, {@code PASS}, {@code SECRET}, {@code TOKEN}...) or {@code API_KEY}-like. */
        STRONG
    }

    private SecretKeys() {
    }

    /**
     * A name whose only secret word is KEY ({@code STORAGE_KEY}, {@code JWT_ACCOUNT_KEY}, {@code cacheKey}): no
     * PASS..., SECRET..., TOKEN..., PWD or CREDENTIAL... in it. Such a name also holds labels: storage, cache and
     * claim keys.
     */
    public static boolean keyOnly(String name) {
        return words(name).stream().noneMatch(w -> w.contains("PASS") || w.contains("SECRET") || w.contains("TOKEN")
                || w.equals("PWD") || w.contains("CREDENTIAL"));
    }

    /**
     * A label rather than a secret: a plain word ({@link SecretValues#credentialLike} false) or a lower-case slug under a
     * {@link #keyOnly} name, as {@code JWT_ACCOUNT_KEY = "acct"} (a claim's name) or {@code STORAGE_KEY =
     * "app-conversation"}; or an identifier about the secret ({@link #aboutItself}). The language packs' hard-coded
     * secret rules share this test.
     */
    public static boolean isLabel(String name, String value) {
        if (value.length() > MAX_LABEL) {
            return false; // labels are short; (and the patterns below recurse per repetition on long text)
        }
        return keyOnly(name) && (!SecretValues.credentialLike(value) || SLUG.matcher(value).matches())
                || aboutItself(name, value) || storageKey(name, value);
    }

    /**
     * The name under which a token or password is kept ({@code AUTHENTICATION_TOKEN_KEY = 'jhi-authenticationToken'},
     * a browser storage or header key), when the value is words, one of them the name's: not the secret itself.
     */
    static boolean storageKey(String name, String value) {
        List<String> w = words(name);
        int n = w.size();
        if (n < 2 || value.length() > MAX_LABEL || !w.get(n - 1).equals("KEY") || !(w.get(n - 2).startsWith("TOKEN") || w.get(n - 2).startsWith("PASS"))
                || !value.matches("[A-Za-z]+([-_.:][A-Za-z]+)*")) {
            return false;
        }
        return words(value).stream().anyMatch(x -> x.length() >= 4 && w.subList(0, n - 1).contains(x));
    }

    /**
     * An identifier that speaks of the secret rather than holding it: a lowerCamelCase value of letters whose words
     * include one of the name's ({@code password: 'incorrectPassword'}, {@code token: 'invalidToken'}: error codes and
     * message keys).
     */
    static boolean aboutItself(String name, String value) {
        if (value.length() > MAX_LABEL || !CAMEL_WORDS.matcher(value).matches()) {
            return false;
        }
        List<String> own = words(name);
        return words(value).stream().anyMatch(w -> w.length() >= 4 && own.contains(w));
    }

    private static final java.util.regex.Pattern CAMEL_WORDS = java.util.regex.Pattern.compile("[a-z]+([A-Z][a-z]+)+");

    /** The longest value taken for a label, claim or storage key name. */
    private static final int MAX_LABEL = 128;

    /** Lower-case words joined by - _ . or : ({@code app-conversation}, {@code user.profile}). */
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z]+([-_.:][a-z]+)+");

    /** Upper-case words of a key: {@code dbPassword_FILE} gives DB, PASSWORD, FILE. Separators: {@code _ . - / space}. */
    public static List<String> words(String key) {
        List<String> out = new ArrayList<>(4);
        if (key == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        int n = Math.min(key.length(), 400);
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
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

    /** STRONG: the key names a secret (the rule book's "secret-like key"). */
    public static boolean isSecretKey(String key) {
        return hint(key) == Hint.STRONG;
    }

    /** How surely the key names a secret; NONE when a word after the secret word makes it metadata. */
    public static Hint hint(String key) {
        List<String> w = words(key);
        // a container of secrets (secrets: inherit), or PWD: the shell's working directory
        if (w.size() == 1 && (CONTAINER_WORDS.contains(w.get(0)) || w.get(0).equals("PWD"))) {
            return Hint.NONE;
        }
        int secretAt = -1;
        Hint hint = Hint.NONE;
        for (int i = 0; i < w.size(); i++) {
            String s = w.get(i);
            if (secretWord(s) && !(s.startsWith("TOKEN") && i > 0 && COUNT_WORDS.contains(w.get(i - 1)))) {
                secretAt = i;
                hint = Hint.STRONG;
            } else if (KEY_WORDS.contains(s) && (i == 0 || !PUBLIC_KEY_QUALIFIERS.contains(w.get(i - 1)))) {
                secretAt = i;
                if (hint != Hint.STRONG) {
                    hint = i > 0 && STRONG_KEY_QUALIFIERS.contains(w.get(i - 1)) ? Hint.STRONG : Hint.WEAK;
                }
            }
        }
        if (secretAt < 0) {
            return Hint.NONE;
        }
        for (int i = secretAt + 1; i < w.size(); i++) {
            if (META_WORDS.contains(w.get(i))) {
                return Hint.NONE;
            }
        }
        return hint;
    }

    private static boolean secretWord(String s) {
        if (SECRET_WORDS.contains(s)) {
            return true;
        }
        for (String e : SECRET_ENDINGS) {
            if (s.length() > e.length() && s.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /** An AWS secret access key's name ({@code AWS_SECRET_ACCESS_KEY}, {@code aws_secret_key}). */
    public static boolean isAwsSecretKey(String key) {
        List<String> w = words(key);
        return w.contains("AWS") && (w.contains("SECRET") || w.contains("SECRETKEY"));
    }

    /** True when random-looking values of this key are not secrets (ids, hashes, versions). */
    public static boolean randomIsExpected(String key) {
        List<String> w = words(key);
        return !w.isEmpty() && NOT_SECRET_RANDOM.contains(w.get(w.size() - 1));
    }
}
