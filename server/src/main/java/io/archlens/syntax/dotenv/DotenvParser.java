package io.archlens.syntax.dotenv;

import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A tolerant .env parser covering what dotenv (Node), python-dotenv and Docker Compose accept: {@code KEY=value}
 * lines, an optional {@code export} prefix, {@code #} comments (a {@code #} after whitespace ends an unquoted
 * value), single, double and backtick quotes, and quoted values spanning lines (PEM keys). A quote that is not
 * closed before the next line that looks like an assignment, or before the end of the file, is unterminated:
 * the line keeps a best-effort value and parsing resumes on the next line, so one stray quote does not swallow
 * the rest of the file.
 *
 * <p>Problems are kept in the model (rules report them, with fixes where mechanical); the parser itself never
 * throws and returns no parse issues. Linear time: a failed quote scan is remembered, so later quotes of the
 * same kind are not rescanned to the end.
 */
public final class DotenvParser {
    private final String text;
    private final int n;
    private final List<DotenvEntry> entries = new ArrayList<>();
    private final List<DotenvInvalidLine> invalid = new ArrayList<>();
    private final int[] failedFrom = {-1, -1, -1};
    private int line;

    private DotenvParser(String text) {
        this.text = text;
        this.n = text.length();
    }

    public static Parsed<DotenvFile> parse(SourceFile file) {
        return parse(file.text());
    }

    public static Parsed<DotenvFile> parse(String text) {
        DotenvParser p = new DotenvParser(text);
        p.run();
        return new Parsed<>(new DotenvFile(p.entries, p.invalid), List.of());
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private int nextLine(int lineEnd) {
        if (lineEnd >= n) {
            return n;
        }
        if (text.charAt(lineEnd) == '\r' && lineEnd + 1 < n && text.charAt(lineEnd + 1) == '\n') {
            return lineEnd + 2;
        }
        return lineEnd + 1;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000b' || c == '\ufeff';
    }

    private void run() {
        int i = 0;
        while (i < n) {
            int ls = i;
            int le = lineEnd(i);
            i = parseLine(ls, le);
        }
    }

    /** Parses the line starting at {@code ls}; returns the offset of the next line to parse. */
    private int parseLine(int ls, int le) {
        int j = ls;
        while (j < le && blank(text.charAt(j))) {
            j++;
        }
        if (j == le || text.charAt(j) == '#') {
            line++;
            return nextLine(le);
        }
        TextRange export = null;
        int k = j;
        if (text.startsWith("export", j) && j + 6 < le && blank(text.charAt(j + 6))) {
            int after = j + 6;
            while (after < le && blank(text.charAt(after))) {
                after++;
            }
            if (after < le && text.charAt(after) != '=') {
                export = new TextRange(j, j + 6);
                k = after;
            }
        }
        int eq = text.indexOf('=', k);
        if (eq < 0 || eq >= le) {
            int end = le;
            while (end > j && blank(text.charAt(end - 1))) {
                end--;
            }
            invalid.add(new DotenvInvalidLine(line, new TextRange(j, end), looksLikeColon(k, le)));
            line++;
            return nextLine(le);
        }
        int keyStop = eq;
        while (keyStop > k && blank(text.charAt(keyStop - 1))) {
            keyStop--;
        }
        int vs = eq + 1;
        while (vs < le && blank(text.charAt(vs))) {
            vs++;
        }
        TextRange spaceBefore = new TextRange(keyStop, eq);
        TextRange spaceAfter = new TextRange(eq + 1, vs);
        String key = text.substring(k, keyStop);
        TextRange keyRange = new TextRange(k, keyStop);
        int firstLine = line;
        if (vs < le && isQuote(text.charAt(vs))) {
            return quotedValue(ls, le, export, key, keyRange, eq, spaceBefore, spaceAfter, vs, firstLine);
        }
        int ve = vs;
        while (ve < le) {
            char c = text.charAt(ve);
            if (c == '#' && blank(text.charAt(ve - 1))) {
                break;
            }
            ve++;
        }
        while (ve > vs && blank(text.charAt(ve - 1))) {
            ve--;
        }
        TextRange vr = new TextRange(vs, ve);
        entries.add(new DotenvEntry(firstLine, firstLine, new TextRange(ls, le), export, key, keyRange, eq, spaceBefore,
                spaceAfter, text.substring(vs, ve), vr, vr, (char) 0, DotenvEntry.QuoteProblem.NONE, null));
        line++;
        return nextLine(le);
    }

    private boolean looksLikeColon(int k, int le) {
        int i = k;
        while (i < le && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '.' || text.charAt(i) == '-')) {
            i++;
        }
        return i > k && i < le && text.charAt(i) == ':' && (i + 1 == le || blank(text.charAt(i + 1)));
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static int quoteIndex(char q) {
        return q == '"' ? 0 : q == '\'' ? 1 : 2;
    }

    private int quotedValue(int ls, int le, TextRange export, String key, TextRange keyRange, int eq,
            TextRange spaceBefore, TextRange spaceAfter, int vs, int firstLine) {
        char q = text.charAt(vs);
        int close = findClose(vs, q);
        int lastLine = firstLine;
        if (close >= 0) {
            int closeLineEnd = lineEnd(close);
            int lines = countBreaks(vs, close);
            int after = close + 1;
            while (after < closeLineEnd && blank(text.charAt(after))) {
                after++;
            }
            boolean trailing = after < closeLineEnd && text.charAt(after) != '#';
            if (!(trailing && lines > 0)) {
                lastLine = firstLine + lines;
                DotenvEntry.QuoteProblem problem = DotenvEntry.QuoteProblem.NONE;
                TextRange problemRange = null;
                if (trailing) {
                    int tEnd = closeLineEnd;
                    while (tEnd > after && blank(text.charAt(tEnd - 1))) {
                        tEnd--;
                    }
                    problem = DotenvEntry.QuoteProblem.TRAILING_TEXT;
                    problemRange = new TextRange(after, tEnd);
                }
                String raw = text.substring(vs + 1, close);
                entries.add(new DotenvEntry(firstLine, lastLine, new TextRange(ls, closeLineEnd), export, key, keyRange,
                        eq, spaceBefore, spaceAfter, decode(raw, q), new TextRange(vs, close + 1),
                        new TextRange(vs + 1, close), q, problem, problemRange));
                line = lastLine + 1;
                return nextLine(closeLineEnd);
            }
        }
        int ve = le;
        while (ve > vs + 1 && blank(text.charAt(ve - 1))) {
            ve--;
        }
        entries.add(new DotenvEntry(firstLine, firstLine, new TextRange(ls, le), export, key, keyRange, eq,
                spaceBefore, spaceAfter, text.substring(vs + 1, ve), new TextRange(vs, ve), new TextRange(vs + 1, ve),
                q, DotenvEntry.QuoteProblem.UNTERMINATED, new TextRange(vs, vs + 1)));
        line++;
        return nextLine(le);
    }

    private int countBreaks(int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')) {
                c++;
            }
        }
        return c;
    }

    /** The closing quote, or -1 when the value runs into a line that looks like an assignment or the end. */
    private int findClose(int open, char q) {
        int qi = quoteIndex(q);
        if (failedFrom[qi] >= 0 && open > failedFrom[qi]) {
            return -1;
        }
        int i = open + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n && (text.charAt(i + 1) == q || text.charAt(i + 1) == '\\')) {
                i += 2;
                continue;
            }
            if (c == q) {
                return i;
            }
            if (c == '\n' || c == '\r') {
                int next = nextLine(i);
                if (looksLikeAssignment(next)) {
                    return -1;
                }
                i = next;
                continue;
            }
            i++;
        }
        failedFrom[qi] = failedFrom[qi] < 0 ? open : Math.min(failedFrom[qi], open);
        return -1;
    }

    /** {@code [export ]UPPER_KEY=} at the start of the line at {@code i}. */
    private boolean looksLikeAssignment(int i) {
        int j = i;
        while (j < n && blank(text.charAt(j))) {
            j++;
        }
        if (text.startsWith("export", j) && j + 6 < n && blank(text.charAt(j + 6))) {
            j += 6;
            while (j < n && blank(text.charAt(j))) {
                j++;
            }
        }
        int start = j;
        while (j < n) {
            char c = text.charAt(j);
            if (c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9' && j > start) {
                j++;
            } else {
                break;
            }
        }
        if (j - start < 2) {
            return false;
        }
        while (j < n && blank(text.charAt(j))) {
            j++;
        }
        return j < n && text.charAt(j) == '=';
    }

    private static String decode(String raw, char q) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char d = raw.charAt(i + 1);
                if (d == q || d == '\\') {
                    sb.append(d);
                    i++;
                    continue;
                }
                if (q == '"' && (d == 'n' || d == 'r' || d == 't')) {
                    sb.append(d == 'n' ? '\n' : d == 'r' ? '\r' : '\t');
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
