package io.archlens.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Passwords inside connection strings, found by a single forward scan (no regular expression):
 * {@code scheme://user:password@host} (any scheme, empty user included: {@code redis://:password@host}) and
 * Oracle's {@code jdbc:oracle:thin:user/password@db}.
 */
public final class UrlPasswords {
    /** {@code [start, end)} of the password inside the scanned text, and the URL's scheme in lower case. */
    public record UrlPassword(int start, int end, String scheme) {
    }

    private static final String AUTHORITY_END = "/?# \t\r\n\"'`<>";
    private static final int MAX_SCHEME = 40;

    private UrlPasswords() {
    }

    /** Every URL password in the text, in order. */
    public static List<UrlPassword> find(String text) {
        List<UrlPassword> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        schemeUrls(text, out);
        oracle(text, out);
        return out;
    }

    /**
     * The first URL password of the value that is a literal (not <code>${VAR}</code>, not a placeholder, not the
     * metasyntactic {@code foo:bar} of a test), or null.
     */
    public static UrlPassword firstLiteral(String value) {
        for (UrlPassword p : find(value)) {
            String pw = value.substring(p.start(), p.end());
            if (SecretValues.isLiteral(pw) && !METASYNTACTIC.contains(pw.toLowerCase(java.util.Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }

    private static final java.util.Set<String> METASYNTACTIC = java.util.Set.of("foo", "bar", "baz", "qux", "quux");

    private static void schemeUrls(String text, List<UrlPassword> out) {
        int from = 0;
        while (from < text.length()) {
            int sep = text.indexOf("://", from);
            if (sep < 0) {
                return;
            }
            int s = sep;
            while (s > 0 && sep - s < MAX_SCHEME && schemeChar(text.charAt(s - 1))) {
                s--;
            }
            while (s < sep && !Character.isLetter(text.charAt(s))) {
                s++;
            }
            int authStart = sep + 3;
            int i = authStart;
            int lastAt = -1;
            int colon = -1;
            while (i < text.length() && AUTHORITY_END.indexOf(text.charAt(i)) < 0) {
                char c = text.charAt(i);
                if (c == '@') {
                    lastAt = i;
                } else if (c == ':' && colon < 0) {
                    colon = i;
                }
                i++;
            }
            if (s < sep && lastAt > authStart) {
                if (colon >= 0 && colon < lastAt - 1) {
                    out.add(new UrlPassword(colon + 1, lastAt, text.substring(s, sep).toLowerCase(Locale.ROOT)));
                }
            }
            from = Math.max(sep + 1, i - 1); // i may be the first '/' of the next URL's "://"
        }
    }

    private static boolean schemeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-';
    }

    /** {@code jdbc:oracle:<driver>:user/password@...}. */
    private static void oracle(String text, List<UrlPassword> out) {
        int from = 0;
        while (true) {
            int at = indexOfIgnoreCase(text, "jdbc:oracle:", from, text.length());
            if (at < 0) {
                return;
            }
            int i = at + "jdbc:oracle:".length();
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            from = i;
            if (i >= text.length() || text.charAt(i) != ':') {
                continue;
            }
            int credStart = i + 1;
            int j = credStart;
            int slash = -1;
            while (j < text.length() && text.charAt(j) != '@' && " \t\r\n\"'`<>;,".indexOf(text.charAt(j)) < 0) {
                if (slash < 0 && text.charAt(j) == '/') {
                    slash = j;
                }
                j++;
            }
            if (j < text.length() && text.charAt(j) == '@' && slash > credStart && j > slash + 1) {
                out.add(new UrlPassword(slash + 1, j, "oracle"));
            }
            from = Math.max(j, from);
        }
    }

    /** The first {@code needle} (lower case) in {@code text[from, to)}, ignoring case, or -1. */
    static int indexOfIgnoreCase(String text, String needle, int from, int to) {
        int n = needle.length();
        char first = needle.charAt(0);
        for (int i = Math.max(0, from); i + n <= to; i++) {
            char c = text.charAt(i);
            if ((c == first || Character.toLowerCase(c) == first) && text.regionMatches(true, i, needle, 0, n)) {
                return i;
            }
        }
        return -1;
    }
}
