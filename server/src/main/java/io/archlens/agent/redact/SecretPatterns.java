package io.archlens.agent.redact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Token shapes that are secrets wherever they appear, and the key names whose values are treated as secrets.
 * Every pattern is compiled once; {@code group} is the part that is replaced (0 = the whole match).
 */
final class SecretPatterns {
    record TokenPattern(String kind, Pattern pattern, int group) {
    }

    static final List<TokenPattern> TOKENS = List.of(
            new TokenPattern("private-key", Pattern.compile(
                    "-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?(?:-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|\\z)"), 0),
            new TokenPattern("aws-access-key-id", Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA|AROA|AIDA)[0-9A-Z]{16}\\b"), 0),
            new TokenPattern("aws-secret-key", Pattern.compile(
                    "(?i)aws[\\w.-]{0,30}?(?:secret|key)[\\w.-]{0,30}?[\"']?\\s*[=:]\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"), 1),
            new TokenPattern("gcp-api-key", Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}(?![0-9A-Za-z_\\-])"), 0),
            new TokenPattern("gcp-oauth-secret", Pattern.compile("\\bGOCSPX-[A-Za-z0-9_\\-]{20,}"), 0),
            new TokenPattern("gcp-access-token", Pattern.compile("\\bya29\\.[0-9A-Za-z_\\-]{20,}"), 0),
            new TokenPattern("gcp-private-key-id", Pattern.compile("\"private_key_id\"\\s*:\\s*\"([a-f0-9]{20,})\""), 1),
            new TokenPattern("azure-key", Pattern.compile(
                    "(?i)\\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig)=([A-Za-z0-9%+/=]{16,})"), 1),
            new TokenPattern("azure-client-secret", Pattern.compile(
                    "(?<![A-Za-z0-9_~.\\-])[A-Za-z0-9_~.\\-]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34}(?![A-Za-z0-9_~.\\-])"), 0),
            new TokenPattern("github-token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b"), 0),
            new TokenPattern("anthropic-key", Pattern.compile("\\bsk-ant-[A-Za-z0-9_\\-]{20,}"), 0),
            new TokenPattern("openai-key", Pattern.compile(
                    "\\bsk-(?:proj-|svcacct-|admin-)?(?=[A-Za-z0-9_\\-]*\\d)[A-Za-z0-9_\\-]{20,}"), 0),
            new TokenPattern("slack-token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9\\-]{10,}"), 0),
            new TokenPattern("stripe-key", Pattern.compile("\\b(?:sk|rk)_live_[A-Za-z0-9]{16,}"), 0),
            new TokenPattern("jwt", Pattern.compile("\\beyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]*"), 0),
            new TokenPattern("url-password", Pattern.compile(
                    "\\b[a-zA-Z][a-zA-Z0-9+.\\-]*://[^\\s:/?#@'\"]+:([^\\s@/'\"]+)@"), 1),
            new TokenPattern("url-query-secret", Pattern.compile(
                    "(?i)[?&;](?:password|passwd|pwd|secret|token|access_token|api[_\\-]?key|apikey|signature)=([^&\\s;#'\"]+)"), 1));

    /** Key names whose value is a secret: *password*, *secret*, *token*, api keys, private keys, credentials. */
    static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(?:password|passwd|passphrase|pwd|secret|token|api[_.\\-]?key|private[_.\\-]?key|credentials?"
                    + "|auth[_.\\-]?key|access[_.\\-]?key|signing[_.\\-]?key|encryption[_.\\-]?key|master[_.\\-]?key).*");

    /** Keys that mention a secret word but hold a reference, a name or a setting, not the secret itself. */
    static final Pattern NOT_A_SECRET_KEY = Pattern.compile(
            "(?i).*(?:name|ref|file|path|dir|env|uri|url|header|length|size|expiry|expiration|expires|ttl|timeout"
                    + "|seconds|minutes|validity|enabled|type|mode|count|prefix|endpoint|policy|algorithm|location"
                    + "|selector|strategy|provider|store)$");

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
        return SECRET_KEY.matcher(key).matches() && !NOT_A_SECRET_KEY.matcher(key).matches();
    }

    static boolean isSecretValue(String value) {
        String v = value.trim();
        return !v.isEmpty() && !REFERENCE.matcher(v).matches() && !TRIVIAL.matcher(v).matches();
    }
}
