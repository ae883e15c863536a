package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a POSIX shell script (a RUN's shell form, or a heredoc script) into simple commands on {@code &&},
 * {@code ||}, {@code ;}, {@code |}, {@code &}, line breaks and parentheses, with each word's exact source range.
 * It understands quotes, backslash escapes, {@code $(...)}, {@code ${...}}, backquotes, comments,
 * redirections and nested heredocs (whose bodies it skips). It never fails and runs in linear time; text it
 * cannot make sense of simply ends up in words.
 */
final class ShellLexer {
    private static final Set<String> KEYWORDS = Set.of("!", "{", "}", "if", "then", "else", "elif", "do", "while",
            "until", "fi", "done", "esac");

    private final CharSequence s;
    private final int to;
    private final SourceMap map;
    private final boolean script;
    private int i;
    private int depth;
    private final List<ShellCommand> out = new ArrayList<>();
    private List<Word> words = new ArrayList<>();
    private List<Word> redirects = new ArrayList<>();
    private final List<String> pendingDelims = new ArrayList<>();
    private final List<Boolean> pendingStrip = new ArrayList<>();

    private ShellLexer(CharSequence s, int from, int to, SourceMap map, boolean script) {
        this.s = s;
        this.i = from;
        this.to = Math.min(to, s.length());
        this.map = map;
        this.script = script;
    }

    /**
     * Lexes [from, to) of {@code s}; {@code map} maps offsets in {@code s} to source offsets. {@code script}
     * is true for multi-line scripts (heredoc bodies), where nested heredoc bodies are skipped.
     */
    static List<ShellCommand> lex(CharSequence s, int from, int to, SourceMap map, boolean script) {
        return new ShellLexer(s, from, to, map, script).run();
    }

    private List<ShellCommand> run() {
        while (i < to) {
            char c = s.charAt(i);
            char n = i + 1 < to ? s.charAt(i + 1) : '\0';
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u000b') {
                i++;
            } else if (c == '\n' || c == '\r') {
                int st = i++;
                if (c == '\r' && i < to && s.charAt(i) == '\n') {
                    i++;
                }
                end("\n", st, i);
                if (!pendingDelims.isEmpty()) {
                    skipHeredocBodies();
                }
            } else if (c == '#') {
                while (i < to && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '\\' && (n == '\n' || n == '\r')) {
                i += 2;
                if (n == '\r' && i < to && s.charAt(i) == '\n') {
                    i++;
                }
            } else if (c == '&') {
                if (n == '&') {
                    op("&&", 2);
                } else if (n == '>') {
                    redirect(i);
                } else {
                    op("&", 1);
                }
            } else if (c == '|') {
                if (n == '|') {
                    op("||", 2);
                } else {
                    op("|", n == '&' ? 2 : 1);
                }
            } else if (c == ';') {
                op(";", n == ';' ? 2 : 1);
            } else if (c == '(' && n != '(') {
                end("(", i, i + 1);
                depth++;
                i++;
            } else if (c == ')') {
                end(")", i, i + 1);
                depth = Math.max(0, depth - 1);
                i++;
            } else if ((c == '<' || c == '>') && n != '(') {
                redirect(i);
            } else {
                int st = i;
                Word w = readWord();
                if (i == st) {
                    // defensive: never loop without progress
                    i++;
                    continue;
                }
                if (i < to && (s.charAt(i) == '<' || s.charAt(i) == '>') && !w.quoted() && isDigits(w.text())) {
                    redirect(st);
                } else {
                    words.add(w);
                }
            }
        }
        end(null, to, to);
        return out;
    }

    private static boolean isDigits(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int k = 0; k < t.length(); k++) {
            if (!Character.isDigit(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private void op(String op, int len) {
        end(op, i, i + len);
        i += len;
    }

    private void end(String op, int opStart, int opEnd) {
        int k = 0;
        while (k < words.size() && !words.get(k).quoted() && KEYWORDS.contains(words.get(k).text())) {
            k++;
        }
        List<Word> w = k == 0 ? words : words.subList(k, words.size());
        if (!w.isEmpty() || !redirects.isEmpty()) {
            TextRange opRange = op == null || opEnd <= opStart ? null : map.range(opStart, opEnd);
            out.add(new ShellCommand(w, redirects, op, opRange, depth));
        }
        words = new ArrayList<>();
        redirects = new ArrayList<>();
    }

    private boolean at(String t) {
        if (i + t.length() > to) {
            return false;
        }
        for (int k = 0; k < t.length(); k++) {
            if (s.charAt(i + k) != t.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static final String[] REDIRECT_OPS = {"<<<", "<<-", "<<", "<>", "<&", "<", "&>>", "&>", ">>", ">&", ">|",
        ">"};

    /** A redirection whose text starts at {@code st} (an fd number, if any) and whose operator is at {@code i}. */
    private void redirect(int st) {
        String op = ">";
        for (String o : REDIRECT_OPS) {
            if (at(o)) {
                op = o;
                break;
            }
        }
        i += op.length();
        if ((op.equals(">&") || op.equals("<&")) && i < to && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
            while (i < to && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
                i++;
            }
            redirects.add(new Word(s.subSequence(st, i).toString(), map.range(st, i), false));
            return;
        }
        int opEnd = i;
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        Word target = null;
        if (i < to && "\n\r;&|()<>".indexOf(s.charAt(i)) < 0) {
            int before = i;
            target = readWord();
            if (i == before) {
                target = null;
            }
        }
        String text = s.subSequence(st, opEnd) + (target == null ? "" : target.text());
        redirects.add(new Word(text, map.range(st, target != null ? i : opEnd), target != null && target.quoted()));
        if (script && target != null && op.startsWith("<<") && !op.equals("<<<")) {
            pendingDelims.add(target.text());
            pendingStrip.add(op.equals("<<-"));
        }
    }

    private void skipHeredocBodies() {
        for (int d = 0; d < pendingDelims.size() && i < to; d++) {
            String delim = pendingDelims.get(d);
            boolean strip = pendingStrip.get(d);
            while (i < to) {
                int eol = i;
                while (eol < to && s.charAt(eol) != '\n' && s.charAt(eol) != '\r') {
                    eol++;
                }
                int ls = i;
                if (strip) {
                    while (ls < eol && s.charAt(ls) == '\t') {
                        ls++;
                    }
                }
                boolean match = eol - ls == delim.length() && s.subSequence(ls, eol).toString().equals(delim);
                i = eol;
                if (i < to && s.charAt(i) == '\r') {
                    i++;
                }
                if (i < to && s.charAt(i) == '\n') {
                    i++;
                }
                if (match) {
                    break;
                }
            }
        }
        pendingDelims.clear();
        pendingStrip.clear();
    }

    private static boolean endsWord(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == ')'
                || c == '\f' || c == '\u000b';
    }

    private Word readWord() {
        int st = i;
        int k = i;
        while (k < to) {
            char c = s.charAt(k);
            if (endsWord(c) || c == '<' || c == '>' || c == '(' || c == '\'' || c == '"' || c == '\\' || c == '$'
                    || c == '`') {
                break;
            }
            k++;
        }
        if (k > st && (k >= to || endsWord(s.charAt(k)) || ((s.charAt(k) == '<' || s.charAt(k) == '>')
                && (k + 1 >= to || s.charAt(k + 1) != '(')))) {
            // fast path: a plain word
            i = k;
            return new Word(s.subSequence(st, k).toString(), map.range(st, k), false);
        }
        StringBuilder v = new StringBuilder(Math.max(16, k - st + 16));
        boolean q = false;
        while (i < to) {
            char c = s.charAt(i);
            if (endsWord(c)) {
                break;
            }
            char n = i + 1 < to ? s.charAt(i + 1) : '\0';
            if (c == '<' || c == '>') {
                if (n == '(') {
                    appendBalanced(v);
                    continue;
                }
                break;
            }
            if (c == '(') {
                if (v.length() > 0 && v.charAt(v.length() - 1) == '=' || n == '(') {
                    appendBalanced(v);
                    continue;
                }
                if (v.length() == 0) {
                    // "(" at a word start is handled by the caller; here it can only follow other text
                    v.append(c);
                    i++;
                    continue;
                }
                break;
            }
            if (c == '\'') {
                q = true;
                i++;
                while (i < to && s.charAt(i) != '\'') {
                    v.append(s.charAt(i++));
                }
                i = Math.min(i + 1, to);
            } else if (c == '"') {
                q = true;
                i++;
                readDouble(v);
            } else if (c == '\\') {
                q = true;
                if (n == '\n' || n == '\r') {
                    i += 2;
                    if (n == '\r' && i < to && s.charAt(i) == '\n') {
                        i++;
                    }
                } else if (i + 1 < to) {
                    v.append(n);
                    i += 2;
                } else {
                    v.append(c);
                    i++;
                }
            } else if (c == '$' && (n == '(' || n == '{')) {
                appendBalanced(v);
            } else if (c == '`') {
                appendBackquoted(v);
            } else {
                v.append(c);
                i++;
            }
        }
        return new Word(v.toString(), map.range(st, i), q);
    }

    private void readDouble(StringBuilder v) {
        while (i < to) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return;
            }
            char n = i + 1 < to ? s.charAt(i + 1) : '\0';
            if (c == '\\' && i + 1 < to) {
                if (n == '\n') {
                    i += 2;
                } else if (n == '"' || n == '\\' || n == '$' || n == '`') {
                    v.append(n);
                    i += 2;
                } else {
                    v.append(c);
                    i++;
                }
            } else if (c == '$' && (n == '(' || n == '{')) {
                appendBalanced(v);
            } else if (c == '`') {
                appendBackquoted(v);
            } else {
                v.append(c);
                i++;
            }
        }
    }

    private void appendBackquoted(StringBuilder v) {
        v.append('`');
        i++;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < to) {
                v.append(c).append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            v.append(c);
            i++;
            if (c == '`') {
                return;
            }
        }
    }

    /** Appends a bracketed construct starting at {@code i} ({@code $(..)}, {@code ${..}}, {@code <(..)}, {@code (..)}). */
    private void appendBalanced(StringBuilder v) {
        if (s.charAt(i) != '(' && s.charAt(i) != '{') {
            v.append(s.charAt(i));
            i++;
        }
        char open = s.charAt(i);
        char close = open == '{' ? '}' : ')';
        int d = 0;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < to) {
                v.append(c).append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '\'' || c == '"') {
                v.append(c);
                i++;
                while (i < to && s.charAt(i) != c) {
                    if (c == '"' && s.charAt(i) == '\\' && i + 1 < to) {
                        v.append(s.charAt(i));
                        i++;
                    }
                    v.append(s.charAt(i));
                    i++;
                }
                if (i < to) {
                    v.append(c);
                    i++;
                }
                continue;
            }
            v.append(c);
            i++;
            if (c == open) {
                d++;
            } else if (c == close) {
                d--;
                if (d == 0) {
                    return;
                }
            }
        }
    }
}
