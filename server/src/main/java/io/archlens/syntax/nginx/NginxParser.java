package io.archlens.syntax.nginx;

import io.archlens.analysis.ParseIssue;
import io.archlens.analysis.Parsed;
import io.archlens.analysis.SourceFile;
import io.archlens.core.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A tolerant nginx configuration parser following nginx's own tokenizer: tokens are bare words or quoted
 * strings (with {@code \} escapes), separated by whitespace, {@code ;}, <code>{</code> and <code>}</code>;
 * {@code #} starts a comment only at the start of a token; <code>${var}</code> stays inside a word. Bodies of
 * {@code *_by_lua_block} directives are Lua, skipped with Lua's own string and comment rules.
 *
 * <p>Never throws: unbalanced braces, a missing {@code ;}, unterminated quotes and stray tokens become
 * {@code archlens/syntax-error} issues at exact positions and parsing goes on. Runs in linear time with an
 * explicit block stack (no recursion), so deep nesting cannot overflow.
 */
public final class NginxParser {
    private final String text;
    private final int n;
    private final List<ParseIssue> issues = new ArrayList<>();
    private final List<NginxComment> comments = new ArrayList<>();
    private final List<NginxInclude> includes = new ArrayList<>();
    private final List<NginxDirective> all = new ArrayList<>();
    private final Deque<NginxDirective> stack = new ArrayDeque<>();
    private final List<NginxArg> pending = new ArrayList<>();
    /** Smallest offset of a {@code "} / {@code '} whose closing quote was not found (later ones fail too). */
    private int failedDouble = -1;
    private int failedSingle = -1;
    private int pos;

    private NginxParser(String text) {
        this.text = text;
        this.n = text.length();
    }

    public static Parsed<NginxConfig> parse(SourceFile file) {
        return parse(file.text());
    }

    public static Parsed<NginxConfig> parse(String text) {
        NginxParser p = new NginxParser(text);
        NginxDirective root = NginxDirective.root();
        p.stack.push(root);
        p.run();
        return new Parsed<>(new NginxConfig(root, p.all, p.comments, p.includes), p.issues);
    }

    private void run() {
        while (true) {
            skipSpace();
            if (pos >= n) {
                break;
            }
            char c = text.charAt(pos);
            switch (c) {
                case '#' -> comment();
                case ';' -> semicolon();
                case '{' -> openBlock();
                case '}' -> closeBlock();
                case '"', '\'' -> {
                    NginxArg a = quoted(c);
                    if (a != null) {
                        pending.add(a);
                    }
                }
                default -> pending.add(word());
            }
        }
        if (!pending.isEmpty()) {
            NginxArg last = pending.get(pending.size() - 1);
            finishSimple(false, last.range().end());
            issues.add(ParseIssue.syntax(last.range(), "Missing ';' at the end of the file after '"
                    + truncate(last.raw()) + "'"));
        }
        while (stack.size() > 1) {
            NginxDirective b = stack.pop();
            b.end = n;
            issues.add(ParseIssue.syntax(new TextRange(b.openBrace, b.openBrace + 1), "'{' of "
                    + describe(b) + " is never closed; add the missing '}'"));
        }
    }

    private void skipSpace() {
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b') {
                pos++;
            } else {
                break;
            }
        }
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    private void comment() {
        int end = lineEnd(pos);
        comments.add(new NginxComment(text.substring(pos, end), new TextRange(pos, end)));
        pos = end;
    }

    private void semicolon() {
        if (pending.isEmpty()) {
            issues.add(ParseIssue.syntax(new TextRange(pos, pos + 1), "Unexpected ';' with no directive before it;"
                    + " remove it"));
            pos++;
            return;
        }
        finishSimple(true, pos + 1);
        pos++;
    }

    private NginxDirective current() {
        return stack.peek();
    }

    private NginxDirective newDirective() {
        NginxDirective parent = current();
        NginxDirective d;
        if (pending.isEmpty()) {
            d = new NginxDirective(new NginxArg("", "", TextRange.empty(pos), (char) 0), List.of(), parent);
        } else {
            d = new NginxDirective(pending.get(0), pending.subList(1, pending.size()), parent);
        }
        pending.clear();
        parent.children.add(d);
        all.add(d);
        return d;
    }

    private void finishSimple(boolean terminated, int end) {
        NginxDirective d = newDirective();
        d.terminated = terminated;
        d.end = end;
        if (d.is("include") && d.argCount() > 0) {
            String pattern = d.argValue(0);
            includes.add(new NginxInclude(d, pattern, pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0
                    || pattern.indexOf('[') >= 0));
        }
    }

    private void openBlock() {
        if (pending.isEmpty()) {
            issues.add(ParseIssue.syntax(new TextRange(pos, pos + 1), "Unexpected '{' with no directive name"
                    + " before it"));
        }
        NginxDirective d = newDirective();
        d.children = new ArrayList<>();
        d.openBrace = pos;
        pos++;
        if (d.name().endsWith("_by_lua_block")) {
            skipLua(d);
            return;
        }
        stack.push(d);
    }

    private void closeBlock() {
        if (!pending.isEmpty()) {
            NginxArg last = pending.get(pending.size() - 1);
            issues.add(ParseIssue.syntax(last.range(), "Missing ';' after '" + truncate(last.raw())
                    + "' before '}'"));
            finishSimple(false, last.range().end());
        }
        if (stack.size() <= 1) {
            issues.add(ParseIssue.syntax(new TextRange(pos, pos + 1), "Unexpected '}' with no open block;"
                    + " remove it or add the missing '{'"));
            pos++;
            return;
        }
        NginxDirective b = stack.pop();
        b.closeBrace = pos;
        b.end = pos + 1;
        b.terminated = true;
        pos++;
    }

    /** Reads a quoted token; on an unterminated quote ends the pending directive there and returns null. */
    private NginxArg quoted(char q) {
        int start = pos;
        int failed = q == '"' ? failedDouble : failedSingle;
        int close = -1;
        if (failed < 0 || start < failed) {
            int i = start + 1;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == q) {
                    close = i;
                    break;
                }
                i++;
            }
        }
        if (close < 0) {
            if (q == '"') {
                failedDouble = failedDouble < 0 ? start : Math.min(failedDouble, start);
            } else {
                failedSingle = failedSingle < 0 ? start : Math.min(failedSingle, start);
            }
        } else if (close + 1 < n && !delimiter(text.charAt(close + 1)) && lineEnd(start) < close) {
            // A string spanning lines and glued to more text is a forgotten closing quote, not a real
            // multi-line string: report it where it opened instead of where it happened to close.
            close = -1;
        }
        if (close < 0) {
            int end = lineEnd(start);
            issues.add(ParseIssue.syntax(new TextRange(start, end), "Unterminated quoted string: the " + q
                    + " opened here is never closed"));
            pos = end;
            String raw = text.substring(start, end);
            NginxArg arg = new NginxArg(raw, unescape(raw, 1, raw.length()), new TextRange(start, end), q);
            pending.add(arg);
            finishSimple(false, end);
            return null;
        }
        pos = close + 1;
        if (pos < n) {
            char c = text.charAt(pos);
            if (!delimiter(c)) {
                int cp = text.codePointAt(pos);
                issues.add(ParseIssue.syntax(new TextRange(pos, pos + Character.charCount(cp)), "Unexpected '"
                        + new String(Character.toChars(cp)) + "' right after a quoted string; add a space"));
            }
        }
        String raw = text.substring(start, close + 1);
        return new NginxArg(raw, unescape(raw, 1, raw.length() - 1), new TextRange(start, close + 1), q);
    }

    private static boolean delimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '{' || c == '}' || c == ')'
                || c == '\f' || c == '\u000b';
    }

    /** Reads a bare word; <code>${var}</code> stays inside it and {@code \} escapes the next character. */
    private NginxArg word() {
        int start = pos;
        int i = pos;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i = Math.min(n, i + 2);
                continue;
            }
            if (c == '{' && i > start && text.charAt(i - 1) == '$') {
                int close = i + 1;
                while (close < n && NginxArg.isVarChar(text.charAt(close))) {
                    close++;
                }
                if (close < n && text.charAt(close) == '}') {
                    i = close + 1;
                    continue;
                }
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '{' || c == '}' || c == '\f'
                    || c == '\u000b') {
                break;
            }
            i++;
        }
        pos = i;
        String raw = text.substring(start, i);
        return new NginxArg(raw, unescape(raw, 0, raw.length()), new TextRange(start, i), (char) 0);
    }

    /** nginx's unescaping: {@code \" \' \\} give the character, {@code \t \r \n} control characters. */
    static String unescape(String raw, int from, int to) {
        if (from >= to) {
            return "";
        }
        if (raw.indexOf('\\', from) < 0 || raw.indexOf('\\', from) >= to) {
            return raw.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char d = raw.charAt(i + 1);
                switch (d) {
                    case '"', '\'', '\\' -> {
                        sb.append(d);
                        i++;
                        continue;
                    }
                    case 't' -> {
                        sb.append('\t');
                        i++;
                        continue;
                    }
                    case 'r' -> {
                        sb.append('\r');
                        i++;
                        continue;
                    }
                    case 'n' -> {
                        sb.append('\n');
                        i++;
                        continue;
                    }
                    default -> {
                    }
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Skips a Lua body: braces counted outside Lua strings, long brackets and comments. */
    private void skipLua(NginxDirective d) {
        int depth = 1;
        int i = pos;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int level = longBracketLevel(i + 2);
                i = level >= 0 ? closeLongBracket(i + 2, level) : lineEnd(i);
                continue;
            }
            if (c == '[') {
                int level = longBracketLevel(i);
                if (level >= 0) {
                    i = closeLongBracket(i, level);
                    continue;
                }
            }
            if (c == '"' || c == '\'') {
                i++;
                while (i < n) {
                    char s = text.charAt(i);
                    if (s == '\\') {
                        i += 2;
                        continue;
                    }
                    if (s == c || s == '\n' || s == '\r') {
                        break;
                    }
                    i++;
                }
                i++;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    d.rawBody = new TextRange(pos, i);
                    d.closeBrace = i;
                    d.end = i + 1;
                    d.terminated = true;
                    pos = i + 1;
                    return;
                }
            }
            i++;
        }
        d.rawBody = new TextRange(pos, n);
        d.end = n;
        issues.add(ParseIssue.syntax(new TextRange(d.openBrace, d.openBrace + 1), "'{' of " + describe(d)
                + " is never closed (Lua block skipped to the end of the file); add the missing '}'"));
        pos = n;
    }

    /** Level of a Lua long bracket {@code [==[} starting at {@code i}, or -1. */
    private int longBracketLevel(int i) {
        if (i >= n || text.charAt(i) != '[') {
            return -1;
        }
        int j = i + 1;
        while (j < n && text.charAt(j) == '=') {
            j++;
        }
        return j < n && text.charAt(j) == '[' ? j - i - 1 : -1;
    }

    /** Offset just past the long bracket's close, or the end of text. */
    private int closeLongBracket(int open, int level) {
        String close = "]" + "=".repeat(level) + "]";
        int at = text.indexOf(close, open + level + 2);
        return at < 0 ? n : at + close.length();
    }

    private static String describe(NginxDirective d) {
        if (d.name().isEmpty()) {
            return "an unnamed block";
        }
        StringBuilder sb = new StringBuilder("'").append(d.name());
        if (d.argCount() > 0) {
            sb.append(' ').append(truncate(d.arg(0).raw()));
        }
        return sb.append('\'').toString();
    }

    private static String truncate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
