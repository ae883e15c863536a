package io.archlens.syntax.sql;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a .sql file into statements with exact ranges and a light token model. Respects single-quoted
 * strings ({@code ''} escapes; backslash escapes in {@code E''} strings and in MySQL), double-quoted and
 * backtick identifiers, PostgreSQL dollar quoting ({@code $$...$$}, {@code $tag$...$tag$}), {@code --} and
 * {@code /* *}{@code /} comments (nested in PostgreSQL), MySQL {@code #} comments and client
 * {@code DELIMITER} changes, and Liquibase changeset boundaries. Never throws: an unterminated string, quoted
 * identifier, dollar quote or comment is a syntax error and swallows the rest of the file.
 */
public final class SqlParser {
    private static final Pattern FLYWAY_NAME = Pattern.compile("[VUR]\\d*(?:[._]\\d+)*__.*\\.sql");
    private static final Pattern GENERIC_DIR = Pattern.compile(
            "(?:^|/)(?:migrations?|migrate|changelogs?|schema[-_]?migrations)/", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIQUIBASE_HEADER = Pattern.compile("(?i)--\\s*liquibase\\s+formatted\\s+sql\\b");
    private static final Pattern CHANGESET = Pattern.compile("(?i)^--\\s*changeset\\s+(\\S+)(.*)$");
    private static final Pattern RUN_IN_TX_FALSE = Pattern.compile("(?i)\\brunInTransaction\\s*:\\s*false\\b");
    /**
     * Comments that declare a file non-transactional: Flyway script config written inline
     * ({@code executeInTransaction=false}), dbmate ({@code transaction:false}), and generic markers.
     */
    private static final Pattern NO_TX_MARKER = Pattern.compile(
            "(?i)(executeInTransaction\\s*=\\s*false|\\btransaction\\s*:\\s*false|no[-_ ]?transaction|non[-_ ]?transactional)");
    private static final Pattern MYSQL_SYNTAX = Pattern.compile(
            "(?i)(\\bENGINE\\s*=|\\bAUTO_INCREMENT\\b|^\\s*DELIMITER\\s|\\bUNSIGNED\\b|\\bLOCK\\s*=\\s*NONE\\b)",
            Pattern.MULTILINE);

    private SqlParser() {
    }

    public static Parsed<SqlScript> parse(SourceFile file) {
        return new Run(file).run();
    }

    /** Dialect from path and syntax: MySQL when the path says so or MySQL-only syntax appears. */
    static SqlDialect detectDialect(String path, String text) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.contains("mysql") || p.contains("mariadb")) {
            return SqlDialect.MYSQL;
        }
        if (p.contains("postgres") || p.contains("/pg/")) {
            return SqlDialect.POSTGRESQL;
        }
        if (text.indexOf('`') >= 0) {
            return SqlDialect.MYSQL;
        }
        String head = text.length() > 200_000 ? text.substring(0, 200_000) : text;
        return MYSQL_SYNTAX.matcher(head).find() ? SqlDialect.MYSQL : SqlDialect.POSTGRESQL;
    }

    static SqlScript.Migration detectMigration(String path, String name, boolean liquibase) {
        String lname = name.toLowerCase(Locale.ROOT);
        boolean down = lname.endsWith(".down.sql") || lname.equals("down.sql") || name.startsWith("U")
                && FLYWAY_NAME.matcher(name).matches();
        if (liquibase) {
            return new SqlScript.Migration(SqlScript.Tool.LIQUIBASE, down);
        }
        String p = path.replace('\\', '/');
        if (FLYWAY_NAME.matcher(name).matches() || p.contains("/db/migration/") || p.startsWith("db/migration/")
                || p.toLowerCase(Locale.ROOT).contains("flyway/")) {
            return new SqlScript.Migration(SqlScript.Tool.FLYWAY, down);
        }
        if (GENERIC_DIR.matcher(p).find()) {
            return new SqlScript.Migration(SqlScript.Tool.GENERIC, down);
        }
        return new SqlScript.Migration(SqlScript.Tool.NONE, false);
    }

    private static boolean identStart(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }
        return Character.isLetter(c) || Character.isHighSurrogate(c);
    }

    private static boolean identPart(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
        }
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }

    private static final class Run {
        private final SourceFile file;
        private final String t;
        private final int n;
        private final SqlDialect dialect;
        private final boolean mysql;
        private final boolean liquibase;
        private final List<ParseIssue> issues = new ArrayList<>();
        private final List<SqlStatement> statements = new ArrayList<>();
        private final List<SqlScript.Changeset> changesets = new ArrayList<>();
        private final Map<String, String> words = new HashMap<>();
        private List<SqlToken> cur = new ArrayList<>();
        private int depth;
        private String delimiter = ";";
        private boolean noTxMarker;

        Run(SourceFile file) {
            this.file = file;
            this.t = file.text();
            this.n = t.length();
            this.dialect = detectDialect(file.path(), t);
            this.mysql = dialect == SqlDialect.MYSQL;
            this.liquibase = isLiquibase(t);
        }

        private static boolean isLiquibase(String t) {
            int i = 0;
            int n = t.length();
            while (i < n && Character.isWhitespace(t.charAt(i)) || i < n && t.charAt(i) == '\uFEFF') {
                i++;
            }
            int e = t.indexOf('\n', i);
            String first = t.substring(i, e < 0 ? n : e);
            return LIQUIBASE_HEADER.matcher(first).lookingAt();
        }

        Parsed<SqlScript> run() {
            lex();
            flush(null);
            Set<String> tables = new HashSet<>();
            Set<String> indexes = new HashSet<>();
            for (SqlStatement s : statements) {
                Object d;
                try {
                    d = DdlReader.read(s);
                } catch (RuntimeException e) {
                    d = null;
                }
                s.ddl(d);
                if (d instanceof CreateTable ct) {
                    tables.add(ct.table().name());
                } else if (d instanceof CreateIndex ci && ci.index() != null) {
                    indexes.add(ci.index().name());
                }
            }
            SqlScript.Migration migration = detectMigration(file.path(), file.name(), liquibase);
            String eol = io.archlens.core.LineIndex.lineEnding(t);
            return new Parsed<>(new SqlScript(statements, dialect, migration, changesets, tables, indexes, noTxMarker,
                    eol), issues);
        }

        private void flush(TextRange terminator) {
            if (!cur.isEmpty()) {
                statements.add(new SqlStatement(statements.size(), t, cur, terminator, changesets.size() - 1));
                cur = new ArrayList<>();
            }
            depth = 0;
        }

        private void add(SqlToken.Type type, int start, int end, String word) {
            cur.add(new SqlToken(type, start, end, depth, word));
        }

        private String intern(String w) {
            String prev = words.putIfAbsent(w, w);
            return prev == null ? w : prev;
        }

        private boolean atLineStart(int i) {
            int j = i - 1;
            while (j >= 0 && (t.charAt(j) == ' ' || t.charAt(j) == '\t')) {
                j--;
            }
            return j < 0 || t.charAt(j) == '\n' || t.charAt(j) == '\r';
        }

        private int lineEnd(int i) {
            while (i < n && t.charAt(i) != '\n' && t.charAt(i) != '\r') {
                i++;
            }
            return i;
        }

        private void lex() {
            int i = 0;
            if (n > 0 && t.charAt(0) == '\uFEFF') {
                i = 1;
            }
            while (i < n) {
                char c = t.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (cur.isEmpty() && (c == 'D' || c == 'd') && atLineStart(i) && t.regionMatches(true, i, "DELIMITER", 0, 9)
                        && i + 9 < n && (t.charAt(i + 9) == ' ' || t.charAt(i + 9) == '\t')) {
                    int e = lineEnd(i);
                    String d = t.substring(i + 9, e).trim();
                    int sp = d.indexOf(' ');
                    if (sp > 0) {
                        d = d.substring(0, sp);
                    }
                    if (!d.isEmpty()) {
                        delimiter = d;
                    }
                    i = e;
                    continue;
                }
                if (!delimiter.equals(";") ? t.startsWith(delimiter, i) : c == ';') {
                    flush(new TextRange(i, i + delimiter.length()));
                    i += delimiter.length();
                    continue;
                }
                if (c == '-' && i + 1 < n && t.charAt(i + 1) == '-') {
                    int e = lineEnd(i);
                    comment(i, e);
                    i = e;
                    continue;
                }
                if (c == '#' && mysql) {
                    i = lineEnd(i);
                    continue;
                }
                if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
                    i = blockComment(i);
                    continue;
                }
                if (c == '\'') {
                    i = string(i, i, mysql);
                    continue;
                }
                if ((c == 'E' || c == 'e') && i + 1 < n && t.charAt(i + 1) == '\'' && !prevIdentPart(i)) {
                    i = string(i, i + 1, true);
                    continue;
                }
                if ((c == 'N' || c == 'n' || c == 'X' || c == 'x' || c == 'B' || c == 'b') && i + 1 < n
                        && t.charAt(i + 1) == '\'' && !prevIdentPart(i)) {
                    i = string(i, i + 1, mysql);
                    continue;
                }
                if (c == '"' || c == '`') {
                    i = quotedIdent(i, c);
                    continue;
                }
                if (c == '$' && !mysql) {
                    int e = dollar(i);
                    if (e > 0) {
                        i = e;
                        continue;
                    }
                    if (i + 1 < n && Character.isDigit(t.charAt(i + 1))) {
                        int j = i + 1;
                        while (j < n && Character.isDigit(t.charAt(j))) {
                            j++;
                        }
                        add(SqlToken.Type.PARAM, i, j, null);
                        i = j;
                        continue;
                    }
                }
                if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(t.charAt(i + 1))) {
                    int j = i + 1;
                    while (j < n && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '.'
                            || t.charAt(j) == '_') && !customDelimiterAt(j)) {
                        j++;
                    }
                    add(SqlToken.Type.NUMBER, i, j, null);
                    i = j;
                    continue;
                }
                if (identStart(c)) {
                    int j = i + 1;
                    while (j < n && identPart(t.charAt(j)) && !customDelimiterAt(j)) {
                        j++;
                    }
                    add(SqlToken.Type.WORD, i, j, intern(t.substring(i, j).toUpperCase(Locale.ROOT)));
                    i = j;
                    continue;
                }
                if (c == '(') {
                    add(SqlToken.Type.OPERATOR, i, i + 1, "(");
                    depth++;
                    i++;
                    continue;
                }
                if (c == ')') {
                    depth = Math.max(0, depth - 1);
                    add(SqlToken.Type.OPERATOR, i, i + 1, ")");
                    i++;
                    continue;
                }
                if (c == ':' && i + 1 < n && t.charAt(i + 1) == ':') {
                    add(SqlToken.Type.OPERATOR, i, i + 2, "::");
                    i += 2;
                    continue;
                }
                int len = Character.charCount(t.codePointAt(i));
                add(SqlToken.Type.OPERATOR, i, i + len, intern(t.substring(i, i + len)));
                i += len;
            }
        }

        /** A DELIMITER other than ';' starts at {@code i} (it may follow a word directly: END$$). */
        private boolean customDelimiterAt(int i) {
            return !delimiter.equals(";") && t.startsWith(delimiter, i);
        }

        private boolean prevIdentPart(int i) {
            return i > 0 && identPart(t.charAt(i - 1));
        }

        private void comment(int start, int end) {
            String text = t.substring(start, end);
            if (NO_TX_MARKER.matcher(text).find()) {
                noTxMarker = true;
            }
            if (!liquibase) {
                return;
            }
            Matcher m = CHANGESET.matcher(text);
            if (m.find()) {
                flush(null);
                changesets.add(new SqlScript.Changeset(changesets.size(), new TextRange(start, end), m.group(1),
                        !RUN_IN_TX_FALSE.matcher(m.group(2)).find()));
            }
        }

        private int blockComment(int start) {
            int level = 0;
            int i = start;
            while (i < n) {
                if (t.charAt(i) == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
                    if (level > 0 && mysql) {
                        i += 2;
                        continue;
                    }
                    level++;
                    i += 2;
                    continue;
                }
                if (t.charAt(i) == '*' && i + 1 < n && t.charAt(i + 1) == '/') {
                    level--;
                    i += 2;
                    if (level == 0) {
                        String body = t.substring(start, i);
                        if (NO_TX_MARKER.matcher(body).find()) {
                            noTxMarker = true;
                        }
                        return i;
                    }
                    continue;
                }
                i++;
            }
            issues.add(ParseIssue.syntax(new TextRange(start, Math.min(n, start + 2)),
                    "Unterminated /* comment: everything after it is commented out; close it with */"));
            return n;
        }

        /** A string starting at {@code start} whose opening quote is at {@code quote}. */
        private int string(int start, int quote, boolean backslash) {
            int i = quote + 1;
            while (i < n) {
                char c = t.charAt(i);
                if (backslash && c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '\'') {
                    if (i + 1 < n && t.charAt(i + 1) == '\'') {
                        i += 2;
                        continue;
                    }
                    add(SqlToken.Type.STRING, start, i + 1, null);
                    return i + 1;
                }
                i++;
            }
            issues.add(ParseIssue.syntax(new TextRange(start, quote + 1),
                    "Unterminated string: the quote opened here is never closed, so the rest of the file is one string"));
            add(SqlToken.Type.STRING, start, n, null);
            return n;
        }

        private int quotedIdent(int start, char q) {
            int i = start + 1;
            while (i < n) {
                if (t.charAt(i) == q) {
                    if (i + 1 < n && t.charAt(i + 1) == q) {
                        i += 2;
                        continue;
                    }
                    add(SqlToken.Type.QUOTED_IDENT, start, i + 1, null);
                    return i + 1;
                }
                i++;
            }
            issues.add(ParseIssue.syntax(new TextRange(start, start + 1),
                    "Unterminated quoted identifier: the " + q + " opened here is never closed"));
            add(SqlToken.Type.QUOTED_IDENT, start, n, null);
            return n;
        }

        /** A dollar-quoted string at {@code start} ('$'); returns its end, or -1 when this is no dollar quote. */
        private int dollar(int start) {
            if (prevIdentPart(start)) {
                return -1;
            }
            int j = start + 1;
            if (j < n && Character.isDigit(t.charAt(j))) {
                return -1;
            }
            while (j < n && t.charAt(j) != '$') {
                char c = t.charAt(j);
                if (!(Character.isLetterOrDigit(c) || c == '_')) {
                    return -1;
                }
                j++;
            }
            if (j >= n) {
                return -1;
            }
            String tag = t.substring(start, j + 1);
            int close = t.indexOf(tag, j + 1);
            if (close < 0) {
                issues.add(ParseIssue.syntax(new TextRange(start, j + 1), "Unterminated dollar quote " + tag
                        + ": the body never ends, so the rest of the file is one string; close it with " + tag));
                add(SqlToken.Type.STRING, start, n, null);
                return n;
            }
            add(SqlToken.Type.STRING, start, close + tag.length(), null);
            return close + tag.length();
        }
    }
}
