package io.archlens.agent.redact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Token shapes that are secrets wherever they appear, and the key names whose values are treated as secrets.
 * Every pattern is compiled once; {@code group} is the part that is replaced (0 = the whole match).
 */
final class SecretPatterns {
    /** {@code hint}: a literal every match contains; texts without it skip the pattern (most texts). */
    record TokenPattern(String kind, Pattern pattern, int group, String hint) {
        TokenPattern(String kind, Pattern pattern, int group) {
            this(kind, pattern, group, null);
        }

        boolean mayMatch(String text) {
            return hint == null || text.contains(hint);
        }
    }

    static final List<TokenPattern> TOKENS = List.of(
            new TokenPattern("private-key", Pattern.compile(
                    "-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?(?:-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|\\z)"), 0, "PRIVATE KEY"),
            new TokenPattern("aws-access-key-id", Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA|AROA|AIDA)[0-9A-Z]{16}\\b"), 0),
            new TokenPattern("aws-secret-key", Pattern.compile(
                    "(?i)aws[\\w.-]{0,30}?(?:secret|key)[\\w.-]{0,30}?[\"']?\\s*[=:]\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"), 1),
            new TokenPattern("gcp-api-key", Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}(?![0-9A-Za-z_\\-])"), 0, "AIza"),
            new TokenPattern("gcp-oauth-secret", Pattern.compile("\\bGOCSPX-[A-Za-z0-9_\\-]{20,}"), 0, "GOCSPX-"),
            new TokenPattern("gcp-access-token", Pattern.compile("\\bya29\\.[0-9A-Za-z_\\-]{20,}"), 0, "ya29."),
            new TokenPattern("gcp-private-key-id", Pattern.compile("\"private_key_id\"\\s*:\\s*\"([a-f0-9]{20,})\""), 1, "private_key_id"),
            new TokenPattern("azure-key", Pattern.compile(
                    "(?i)\\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig)=([A-Za-z0-9%+/=]{16,})"), 1),
            new TokenPattern("azure-client-secret", Pattern.compile(
                    "(?<![A-Za-z0-9_~.\\-])[A-Za-z0-9_~.\\-]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34}(?![A-Za-z0-9_~.\\-])"), 0, "Q~"),
            new TokenPattern("github-token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b"), 0),
            new TokenPattern("anthropic-key", Pattern.compile("\\bsk-ant-[A-Za-z0-9_\\-]{20,}"), 0, "sk-ant-"),
            new TokenPattern("openai-key", Pattern.compile(
                    "\\bsk-(?:proj-|svcacct-|admin-)?(?=[A-Za-z0-9_\\-]*\\d)[A-Za-z0-9_\\-]{20,}"), 0, "sk-"),
            new TokenPattern("slack-token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9\\-]{10,}"), 0, "xox"),
            new TokenPattern("stripe-key", Pattern.compile("\\b(?:sk|rk)_live_[A-Za-z0-9]{16,}"), 0, "_live_"),
            new TokenPattern("jwt", Pattern.compile("\\beyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]*"), 0, "eyJ"),
            new TokenPattern("url-password", Pattern.compile(
                    "\\b[a-zA-Z][a-zA-Z0-9+.\\-]*://[^\\s:/?#@'\"]+:([^\\s@/'\"]+)@"), 1, "://"),
            new TokenPattern("url-query-secret", Pattern.compile(
                    "(?i)[?&;](?:password|passwd|pwd|secret|token|access_token|api[_\\-]?key|apikey|signature)=([^&\\s;#'\"]+)"), 1));

    /** Words that make a key name a secret's name (compared without separators: api_key, apiKey, api-key). */
    private static final String[] SECRET_WORDS = {"password", "passwd", "passphrase", "pwd", "secret", "token",
        "apikey", "privatekey", "credential", "authkey", "accesskey", "signingkey", "encryptionkey", "masterkey"};

    /** Endings of keys that mention a secret word but hold a reference, a name or a setting, not the secret. */
    private static final String[] NOT_SECRET_ENDINGS = {"name", "ref", "file", "path", "dir", "env", "uri", "url",
        "header", "length", "size", "expiry", "expiration", "expires", "ttl", "timeout", "seconds", "minutes",
        "validity", "enabled", "type", "mode", "count", "prefix", "endpoint", "policy", "algorithm", "location",
        "selector", "strategy", "provider", "store"};

    /** A value that only refers to a secret kept elsewhere (variable, template, placeholder). */
    static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{[A-Za-z0-9_.\\-]+\\}|\\$[A-Za-z_][A-Za-z0-9_]*|\\$\\{\\{[^}]*\\}\\}|\\{\\{[^}]*\\}\\}"
                    + "|%\\([A-Za-z_]+\\)s|<[A-Za-z0-9_\\- ]+>|\\*+|x+");

    static final Pattern TRIVIAL = Pattern.compile("(?i)true|false|null|none|nil|~|yes|no|-?\\d+(?:\\.\\d+)?|\"\"|''");

    /**
     * key = value / key: value / key := value / key => value, in config and code. Group 1 = key, group 2 = a
     * double-quoted value's content, group 3 = single-quoted content, group 4 = a bare value.
     */
    static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9_.\\-?&])[\"']?([A-Za-z_][A-Za-z0-9_.\\-]*)[\"']?[ \\t]*(?::=|=>|=(?!=)|:(?![/:]))[ \\t]*"
                    + "(?:\"((?:[^\"\\\\\\r\\n]|\\\\.){1,500})\"|'([^'\\r\\n]{1,500})'|(\\$\\{[^}\\r\\n]{0,200}\\}[^\\s\"',;#]*|[^\\s\"',;#{}\\[\\]]{1,500}))");

    private SecretPatterns() {
    }

    static boolean isSecretKey(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-' && c != '.') {
                sb.append(Character.toLowerCase(c));
            }
        }
        String k = sb.toString();
        boolean secret = false;
        for (String w : SECRET_WORDS) {
            if (k.contains(w)) {
                secret = true;
                break;
            }
        }
        if (!secret) {
            return false;
        }
        for (String e : NOT_SECRET_ENDINGS) {
            if (k.endsWith(e)) {
                return false;
            }
        }
        return true;
    }

    static boolean isSecretValue(String value) {
        String v = value.trim();
        return !v.isEmpty() && !REFERENCE.matcher(v).matches() && !TRIVIAL.matcher(v).matches();
    }
}
