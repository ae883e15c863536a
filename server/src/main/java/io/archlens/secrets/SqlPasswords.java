package io.archlens.secrets;

import java.util.List;

/**
 * Passwords in SQL: {@code CREATE USER ... PASSWORD '...'}, {@code ALTER ROLE ... WITH ENCRYPTED PASSWORD '...'},
 * {@code CREATE LOGIN ... WITH PASSWORD = '...'}, {@code SET PASSWORD = PASSWORD('...')},
 * {@code IDENTIFIED [WITH plugin] BY '...'} and Oracle's unquoted {@code IDENTIFIED BY tiger}. A forward scan
 * over one line: each match looks at a bounded window after its keyword.
 */
final class SqlPasswords {
    private static final int WINDOW = 80;

    private SqlPasswords() {
    }

    static void scan(String text, int from, int to, List<SecretSpan> out) {
        int p = UrlPasswords.indexOfIgnoreCase(text, "password", from, to);
        int id = UrlPasswords.indexOfIgnoreCase(text, "identified", from, to);
        while (p >= 0 || id >= 0) {
            if (p >= 0 && (id < 0 || p < id)) {
                if (word(text, p, "password".length(), from, to)) {
                    afterPassword(text, p + "password".length(), to, out);
                }
                p = UrlPasswords.indexOfIgnoreCase(text, "password", p + "password".length(), to);
            } else {
                if (word(text, id, "identified".length(), from, to)) {
                    identifiedBy(text, id + "identified".length(), to, out);
                }
                id = UrlPasswords.indexOfIgnoreCase(text, "identified", id + "identified".length(), to);
            }
        }
    }

    private static boolean word(String text, int at, int len, int from, int to) {
        return (at == from || !wordChar(text.charAt(at - 1))) && (at + len >= to || !wordChar(text.charAt(at + len)));
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '$';
    }

    /** {@code PASSWORD 'x'}, {@code PASSWORD = 'x'}, {@code PASSWORD('x')}, {@code PASSWORD = PASSWORD('x')}. */
    private static void afterPassword(String text, int k, int to, List<SecretSpan> out) {
        int j = skipSpaces(text, k, to);
        if (j < to && text.charAt(j) == '=') {
            j = skipSpaces(text, j + 1, to);
        }
        if (text.regionMatches(true, j, "password", 0, 8)) {
            j = skipSpaces(text, j + 8, to);
        }
        if (j < to && text.charAt(j) == '(') {
            j = skipSpaces(text, j + 1, to);
        }
        quoted(text, j, to, out);
    }

    /** {@code IDENTIFIED [WITH plugin] BY [PASSWORD] 'x'} or {@code IDENTIFIED BY name}. */
    private static void identifiedBy(String text, int k, int to, List<SecretSpan> out) {
        int limit = Math.min(to, k + WINDOW);
        int j = k;
        while (j < limit) {
            if ((text.charAt(j) == 'b' || text.charAt(j) == 'B') && text.regionMatches(true, j, "by", 0, 2)
                    && !wordChar(text.charAt(j - 1)) && (j + 2 >= to || !wordChar(text.charAt(j + 2)))) {
                break;
            }
            j++;
        }
        if (j >= limit) {
            return;
        }
        j = skipSpaces(text, j + 2, to);
        if (text.regionMatches(true, j, "password", 0, 8) && j + 8 < to && !wordChar(text.charAt(j + 8))) {
            j = skipSpaces(text, j + 8, to);
        }
        if (j < to && (text.charAt(j) == '\'' || text.charAt(j) == '"' || text.charAt(j) == '`')) {
            quoted(text, j, to, out);
            return;
        }
        int e = j;
        while (e < to && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '_' || text.charAt(e) == '$'
                || text.charAt(e) == '#')) {
            e++;
        }
        if (e > j && !text.regionMatches(true, j, "values", 0, 6) && SecretValues.mayBeSecret(text.substring(j, e))) {
            out.add(new SecretSpan(j, e, SecretType.SQL_PASSWORD));
        }
    }

    private static void quoted(String text, int j, int to, List<SecretSpan> out) {
        if (j >= to) {
            return;
        }
        char q = text.charAt(j);
        if (q != '\'' && q != '"' && q != '`') {
            return;
        }
        int e = j + 1;
        while (e < to) {
            if (text.charAt(e) == q) {
                if (e + 1 < to && text.charAt(e + 1) == q) { // SQL doubles a quote inside a string
                    e += 2;
                    continue;
                }
                break;
            }
            e++;
        }
        if (e > j + 1 && SecretValues.mayBeSecret(text.substring(j + 1, e))) {
            out.add(new SecretSpan(j + 1, e, SecretType.SQL_PASSWORD));
        }
    }

    private static int skipSpaces(String text, int j, int to) {
        while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        return j;
    }
}
