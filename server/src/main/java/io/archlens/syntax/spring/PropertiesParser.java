package io.archlens.syntax.spring;

import io.archlens.analysis.CoreRules;
import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.Severity;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tolerant {@code .properties} reader with exact ranges, following {@code java.util.Properties} and Spring
 * Boot's loader: {@code =}, {@code :} or whitespace between key and value; {@code \} at the end of a line
 * continues it (leading blanks of the next line are dropped); escapes {@code \t \n \r \f \\uXXXX} and
 * {@code \x} for any other x; lines starting with {@code #} or {@code !} are comments; a line {@code #---} or
 * {@code !---} starts a new document (Spring Boot 2.4+). Never throws: a malformed {@code \\u} escape is a
 * syntax error, the rest of the file is still read.
 */
public final class PropertiesParser {
    private PropertiesParser() {
    }

    public static Parsed<SpringConfig> parse(SourceFile file) {
        return new Run(file).run();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static final class Run {
        private final String t;
        private final int n;
        private final String path;
        private final String fileProfile;
        private final boolean testScope;
        private final List<ParseIssue> issues = new ArrayList<>();
        private final List<SpringDocument> docs = new ArrayList<>();
        private List<SpringProperty> props = new ArrayList<>();
        private Map<String, TextRange> prefixes = new HashMap<>();
        private int docStart;
        // the logical line being read: raw characters (continuations removed) and their source offsets
        private char[] buf = new char[256];
        private int[] offs = new int[256];
        private int len;

        Run(SourceFile file) {
            this.t = file.text();
            this.n = t.length();
            this.path = file.path();
            this.fileProfile = Profiles.fromFileName(file.name());
            this.testScope = Profiles.isTestScope(file.path());
        }

        Parsed<SpringConfig> run() {
            int pos = 0;
            if (n > 0 && t.charAt(0) == '\uFEFF') {
                pos = 1;
            }
            while (pos < n) {
                int lineStart = pos;
                int p = pos;
                while (p < n && isBlank(t.charAt(p))) {
                    p++;
                }
                if (p >= n) {
                    break;
                }
                char c = t.charAt(p);
                if (c == '\n' || c == '\r') {
                    pos = nextLine(p);
                    continue;
                }
                if (c == '#' || c == '!') {
                    int end = lineEnd(p);
                    String body = t.substring(p, end).strip();
                    if (body.equals("#---") || body.equals("!---")) {
                        finishDocument(lineStart);
                        docStart = nextLine(end);
                    }
                    pos = nextLine(end);
                    continue;
                }
                pos = readLogicalLine(p);
            }
            finishDocument(n);
            String eol = io.archlens.core.LineIndex.lineEnding(t);
            return new Parsed<>(new SpringConfig(SpringConfig.Format.PROPERTIES, fileProfile, testScope, docs, eol,
                    null), issues);
        }

        private void finishDocument(int end) {
            int s = Math.min(docStart, end);
            docs.add(new SpringDocument(docs.size(), new TextRange(s, end), props, prefixes, null, fileProfile,
                    testScope));
            props = new ArrayList<>();
            prefixes = new HashMap<>();
        }

        private int lineEnd(int from) {
            int i = from;
            while (i < n) {
                char c = t.charAt(i);
                if (c == '\n' || c == '\r') {
                    return i;
                }
                i++;
            }
            return n;
        }

        private int nextLine(int breakAt) {
            if (breakAt >= n) {
                return n;
            }
            if (t.charAt(breakAt) == '\r' && breakAt + 1 < n && t.charAt(breakAt + 1) == '\n') {
                return breakAt + 2;
            }
            return breakAt + 1;
        }

        private void append(char c, int offset) {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, len * 2);
                offs = Arrays.copyOf(offs, len * 2);
            }
            buf[len] = c;
            offs[len] = offset;
            len++;
        }

        /** Reads one logical line starting at {@code p} (first non-blank); returns where the next line starts. */
        private int readLogicalLine(int p) {
            len = 0;
            int q = p;
            int next;
            while (true) {
                int e = lineEnd(q);
                int bs = 0;
                while (e - bs - 1 >= q && t.charAt(e - bs - 1) == '\\') {
                    bs++;
                }
                boolean odd = bs % 2 == 1;
                int copyEnd = odd ? e - 1 : e;
                for (int i = q; i < copyEnd; i++) {
                    append(t.charAt(i), i);
                }
                if (!odd || e >= n) {
                    next = nextLine(e);
                    break;
                }
                q = nextLine(e);
                while (q < n && isBlank(t.charAt(q))) {
                    q++;
                }
                if (q >= n) {
                    next = n;
                    break;
                }
            }
            parseEntry();
            return next;
        }

        private int srcEnd(int idx) {
            return offs[idx] + 1;
        }

        private void parseEntry() {
            if (len == 0) {
                return;
            }
            StringBuilder key = new StringBuilder();
            boolean keyEscaped = false;
            int i = 0;
            while (i < len) {
                char ch = buf[i];
                if (ch == '\\') {
                    keyEscaped = true;
                    i = unescape(i, key);
                    continue;
                }
                if (ch == '=' || ch == ':' || isBlank(ch)) {
                    break;
                }
                key.append(ch);
                i++;
            }
            int keyStart = offs[0];
            int keyEnd = i > 0 ? srcEnd(i - 1) : keyStart;
            TextRange keyRange = new TextRange(keyStart, keyEnd);
            // separator: blanks, at most one '=' or ':', blanks
            boolean sep = false;
            while (i < len) {
                char ch = buf[i];
                if (!isBlank(ch)) {
                    if (!sep && (ch == '=' || ch == ':')) {
                        sep = true;
                    } else {
                        break;
                    }
                }
                i++;
            }
            int valueIdx = i;
            StringBuilder value = new StringBuilder();
            while (i < len) {
                if (buf[i] == '\\') {
                    i = unescape(i, value);
                } else {
                    value.append(buf[i]);
                    i++;
                }
            }
            int lastNonBlank = len - 1;
            while (lastNonBlank >= valueIdx && isBlank(buf[lastNonBlank])) {
                lastNonBlank--;
            }
            TextRange valueRange;
            if (lastNonBlank >= valueIdx) {
                valueRange = new TextRange(offs[valueIdx], srcEnd(lastNonBlank));
            } else {
                int at = valueIdx > 0 ? srcEnd(valueIdx - 1) : keyEnd;
                valueRange = TextRange.empty(at);
            }
            String k = key.toString();
            if (k.isEmpty()) {
                issues.add(new ParseIssue(CoreRules.SYNTAX_ERROR.id(), Severity.WARNING,
                        new TextRange(offs[0], srcEnd(len - 1)),
                        "Properties line without a key (it starts with '" + buf[0]
                                + "'); write key=value or escape the character"));
                return;
            }
            if (unclosedBracket(k)) {
                issues.add(new ParseIssue(CoreRules.SYNTAX_ERROR.id(), Severity.WARNING, keyRange,
                        "Key '" + (k.length() > 80 ? k.substring(0, 80) + "..." : k)
                                + "' has a '[' without its ']': Spring cannot bind it; close the index or map key"));
            }
            String v = value.toString().stripTrailing();
            String canonical = RelaxedNames.canonical(k);
            props.add(new SpringProperty(k, canonical, v, keyRange, valueRange, docs.size(), false, false, false,
                    false));
            recordPrefixes(k, canonical, keyRange, keyEscaped);
        }

        private static boolean unclosedBracket(String key) {
            int open = key.lastIndexOf('[');
            return open >= 0 && key.indexOf(']', open) < 0;
        }

        private void recordPrefixes(String key, String canonical, TextRange keyRange, boolean escaped) {
            if (escaped || keyRange.length() != key.length()) {
                for (String pre : RelaxedNames.prefixes(canonical)) {
                    prefixes.putIfAbsent(pre, keyRange);
                }
                return;
            }
            int depth = 0;
            int recorded = 0;
            for (int j = 0; j < key.length() && recorded < RelaxedNames.MAX_PREFIXES; j++) {
                char c = key.charAt(j);
                if (c == '[') {
                    if (depth == 0 && j > 0 && key.charAt(j - 1) != '.') {
                        recorded++;
                        prefixes.putIfAbsent(RelaxedNames.canonical(key.substring(0, j)),
                                new TextRange(keyRange.start(), keyRange.start() + j));
                    }
                    depth++;
                } else if (c == ']') {
                    depth = Math.max(0, depth - 1);
                } else if (c == '.' && depth == 0 && j > 0) {
                    recorded++;
                    prefixes.putIfAbsent(RelaxedNames.canonical(key.substring(0, j)),
                            new TextRange(keyRange.start(), keyRange.start() + j));
                }
            }
            prefixes.putIfAbsent(canonical, keyRange);
        }

        /** Decodes the escape at {@code buf[i] == '\\'} into {@code out}; returns the index after it. */
        private int unescape(int i, StringBuilder out) {
            if (i + 1 >= len) {
                return i + 1;
            }
            char c = buf[i + 1];
            switch (c) {
                case 't': out.append('\t'); return i + 2;
                case 'n': out.append('\n'); return i + 2;
                case 'r': out.append('\r'); return i + 2;
                case 'f': out.append('\f'); return i + 2;
                case 'u': {
                    int value = 0;
                    int j = i + 2;
                    boolean ok = j + 4 <= len;
                    for (int k = 0; ok && k < 4; k++) {
                        int d = Character.digit(buf[j + k], 16);
                        if (d < 0) {
                            ok = false;
                        } else {
                            value = value * 16 + d;
                        }
                    }
                    if (ok) {
                        out.append((char) value);
                        return i + 6;
                    }
                    int end = Math.min(len, i + 6);
                    issues.add(ParseIssue.syntax(new TextRange(offs[i], srcEnd(end - 1)),
                            "Malformed \\uXXXX escape: Spring refuses to load the file; write four hex digits"
                                    + " or escape the backslash as \\\\"));
                    out.append('u');
                    return i + 2;
                }
                default:
                    out.append(c);
                    return i + 2;
            }
        }

        @Override
        public String toString() {
            return path;
        }
    }
}
