package io.archlens.secrets;

import java.util.List;

/**
 * {@code key = value}, {@code key: value}, {@code "key": "value"}, {@code key := value}, {@code key => value},
 * {@code --flag=value} and {@code ?key=value} on one line, found by a hand-written forward scan: a key is read
 * only where a run of key characters starts, and scanning resumes right after the separator, so values that
 * hold further assignments ({@code JAVA_OPTS="-Ddb.password=x"}, {@code ;Password=x;}) are read too. Every
 * character is visited a bounded number of times.
 */
final class Assignments {
    private Assignments() {
    }

    static boolean keyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
                || c == '$';
    }

    /** Adds the values of secret-named keys on the line {@code [from, to)} of {@code text}. */
    static void scan(String text, int from, int to, boolean code, List<SecretSpan> out) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!keyChar(c) || i > from && keyChar(text.charAt(i - 1))) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < to && keyChar(text.charAt(runEnd))) {
                runEnd++;
            }
            int keyStart = i;
            while (keyStart < runEnd && (text.charAt(keyStart) == '-' || text.charAt(keyStart) == '$')) {
                keyStart++;
            }
            int k = runEnd;
            if (k < to && (text.charAt(k) == '"' || text.charAt(k) == '\'') && i > from && text.charAt(i - 1) == text.charAt(k)) {
                k++;
            }
            while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k++;
            }
            int sepEnd = separatorEnd(text, k, to);
            if (sepEnd < 0 || keyStart == runEnd) {
                i = runEnd;
                continue;
            }
            String key = text.substring(keyStart, runEnd);
            int v = sepEnd;
            while (v < to && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
                v++;
            }
            int resume = value(text, key, i > from ? text.charAt(i - 1) : ' ', v, to, code, out);
            i = Math.max(Math.max(sepEnd, resume), i + 1);
        }
    }

    /** End of {@code = : := =>} at {@code k}, or -1 ({@code ==}, {@code ://}, {@code ::} are not separators). */
    private static int separatorEnd(String text, int k, int to) {
        if (k >= to) {
            return -1;
        }
        char c = text.charAt(k);
        char n = k + 1 < to ? text.charAt(k + 1) : '\n';
        if (c == '=') {
            return n == '=' ? -1 : n == '>' ? k + 2 : k + 1;
        }
        if (c == ':') {
            if (n == '=') {
                return k + 2;
            }
            return n == '/' || n == ':' ? -1 : k + 1;
        }
        return -1;
    }

    /**
     * Records the value when the key names a secret. Returns where scanning resumes: after a secret key's value
     * (read once, never rescanned), else right after the separator (-1), so a non-secret value is scanned for
     * assignments of its own.
     */
    private static int value(String text, String key, char before, int v, int to, boolean code, List<SecretSpan> out) {
        SecretKeys.Hint hint = SecretKeys.hint(key);
        boolean signature = querySignature(key, before);
        if (v >= to || hint == SecretKeys.Hint.NONE && !signature) {
            return -1;
        }
        char q = text.charAt(v);
        int start;
        int end;
        if (q == '"' || q == '\'') {
            start = v + 1;
            end = start;
            while (end < to && text.charAt(end) != q) {
                end += text.charAt(end) == '\\' && q == '"' ? 2 : 1;
            }
            end = Math.min(end, to);
        } else {
            if (code) {
                return -1; // in code a bare value is an expression (a call, a variable), not a literal
            }
            start = v;
            end = bareEnd(text, templateEnd(text, v, to), to);
        }
        if (end <= start) {
            return -1;
        }
        String value = text.substring(start, end);
        boolean secret = hint == SecretKeys.Hint.STRONG || signature
                || hint == SecretKeys.Hint.WEAK && weakKeyValue(value);
        if (!secret) {
            return -1;
        }
        if (SecretValues.mayBeSecret(value) && !yamlSyntax(value, q)) {
            SecretType type = SecretKeys.isAwsSecretKey(key) && awsSecretShape(value) ? SecretType.AWS_SECRET_KEY
                    : SecretType.SECRET_VALUE;
            out.add(new SecretSpan(start, end, type));
        }
        return end;
    }

    /** After a leading <code>${{ ... }}</code>, <code>{{ ... }}</code> or <code>${...}</code> (which may hold spaces), else {@code v}. */
    private static int templateEnd(String text, int v, int to) {
        String close = text.startsWith("${{", v) || text.startsWith("{{", v) ? "}}" : text.startsWith("${", v) ? "}" : null;
        if (close == null) {
            return v;
        }
        int c = text.indexOf(close, v + 2);
        return c < 0 || c >= to ? v : c + close.length();
    }

    /** A bare value ends at whitespace, a quote, {@code , ; &}, or a closing bracket it did not open. */
    private static int bareEnd(String text, int v, int to) {
        int depth = 0;
        int e = v;
        while (e < to) {
            char c = text.charAt(e);
            if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == ',' || c == ';' || c == '&' || c == '\r') {
                break;
            }
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            e++;
        }
        return e;
    }

    /** {@code ?sig=...}, {@code &signature=...}: URL signatures are credentials. */
    private static boolean querySignature(String key, char before) {
        return (before == '?' || before == '&')
                && (key.equalsIgnoreCase("sig") || key.equalsIgnoreCase("signature") || key.equalsIgnoreCase("X-Amz-Signature"));
    }

    /** A {@code *_KEY} value counts when it looks like a credential rather than a word or a label. */
    private static boolean weakKeyValue(String value) {
        if (SecretValues.looksRandom(value)) {
            return true;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
            if (c == '/' || c == '.' || c == ' ') {
                return false;
            }
        }
        return letter && digit && value.length() >= 8;
    }

    /** YAML block indicators ({@code |}, {@code >-}), anchors and aliases are syntax, not values. */
    private static boolean yamlSyntax(String value, char q) {
        if (q == '"' || q == '\'') {
            return false;
        }
        char c = value.charAt(0);
        if ((c == '|' || c == '>') && value.length() <= 3) {
            return true;
        }
        if ((c == '*' || c == '&') && value.length() > 1) {
            for (int i = 1; i < value.length(); i++) {
                char d = value.charAt(i);
                if (!(Character.isLetterOrDigit(d) || d == '_' || d == '-')) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static boolean awsSecretShape(String value) {
        String v = value.strip();
        if (v.length() != 40) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '/' || c == '+' || c == '=')) {
                return false;
            }
        }
        return true;
    }
}
