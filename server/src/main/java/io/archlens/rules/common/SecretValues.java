package io.archlens.rules.common;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared heuristics for "a secret written as a literal": variable names that hold secrets, values that
 * are real literals (not references or interpolations), and passwords embedded in connection URLs.
 */
public final class SecretValues {
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(?:^|[_.-])(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key"
                    + "|secret[_-]?key|credentials?|auth[_-]?key|client[_-]?secret|signing[_-]?key|encryption[_-]?key)"
                    + "(?:[_.-]|$)");
    private static final Pattern NOT_A_SECRET_SUFFIX = Pattern.compile(
            "(?i).*[_.-](?:file|path|dir|location|length|len|ttl|expiry|expiration|expires|timeout|enabled|header"
                    + "|name|ref|id|policy|method|type|url|uri|endpoint|host|port|user|username)$");
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s]+:([^@\\s/]+)@");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private SecretValues() {
    }

    /** True when a variable of this name usually holds a secret (and is not, say, a path to one). */
    public static boolean secretName(String name) {
        return name != null && SECRET_NAME.matcher(name).find() && !NOT_A_SECRET_SUFFIX.matcher(name).matches();
    }

    /**
     * True when the value is a literal worth flagging: not empty, no interpolation ({@code ${X}}, {@code $(X)}),
     * not a boolean or number, not a reference to a secret store or a mounted secret file.
     */
    public static boolean literal(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        if (v.isEmpty() || v.contains("$") || v.contains("{{") || NUMBER.matcher(v).matches()) {
            return false;
        }
        String l = v.toLowerCase(Locale.ROOT);
        if (l.matches("true|false|yes|no|on|off|null|none|~")) {
            return false;
        }
        return !(l.startsWith("/run/secrets/") || l.startsWith("/var/run/secrets/") || l.startsWith("vault:")
                || l.startsWith("ref+") || l.startsWith("arn:aws:secretsmanager") || l.startsWith("arn:aws:ssm")
                || l.startsWith("secretsmanager:") || l.startsWith("azurekeyvault:") || l.startsWith("gcp:secretmanager"));
    }

    /** The [start, end) of a literal password inside a connection URL ({@code scheme://user:pass@host}), else null. */
    public static int[] urlPassword(String value) {
        if (value == null || value.indexOf("://") < 0) {
            return null;
        }
        Matcher m = URL_PASSWORD.matcher(value);
        if (m.find() && !m.group(1).contains("$") && !m.group(1).contains("{{")) {
            return new int[] {m.start(1), m.end(1)};
        }
        return null;
    }
}
