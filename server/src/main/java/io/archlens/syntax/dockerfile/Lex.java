package io.archlens.syntax.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** Dockerfile-level lexing on logical text: words, flags, JSON arrays, heredoc markers. */
final class Lex {
    /** A word in logical coordinates. */
    record LWord(int start, int end, String text, boolean quoted) {
    }

    /** A heredoc marker in logical coordinates. */
    record Marker(int start, int end, String delimiter, boolean quoted, boolean stripTabs) {
    }

    private Lex() {
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b' || c == '\ufeff';
    }

    static int skipBlanks(CharSequence s, int i, int to) {
        while (i < to && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index just past the last non-blank character in [from, to). */
    static int trimEnd(CharSequence s, int from, int to) {
        while (to > from && isBlank(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** Whitespace-separated words with quotes and the escape character honoured. */
    static List<LWord> words(CharSequence s, int from, int to, char esc) {
        List<LWord> out = new ArrayList<>();
        int i = from;
        while (true) {
            i = skipBlanks(s, i, to);
            if (i >= to) {
                break;
            }
            int[] end = new int[1];
            LWord w = word(s, i, to, esc, end);
            out.add(w);
            i = end[0];
        }
        return out;
    }

    /** One word starting at {@code i}; {@code endOut[0]} receives the offset past it. */
    static LWord word(CharSequence s, int i, int to, char esc, int[] endOut) {
        int start = i;
        int k = i;
        while (k < to) {
            char c = s.charAt(k);
            if (isBlank(c) || c == '"' || c == '\'' || c == esc) {
                break;
            }
            k++;
        }
        if (k >= to || isBlank(s.charAt(k))) {
            endOut[0] = k;
            return new LWord(start, k, s.subSequence(start, k).toString(), false);
        }
        StringBuilder v = new StringBuilder();
        boolean q = false;
        while (i < to && !isBlank(s.charAt(i))) {
            char c = s.charAt(i);
            if (c == '"') {
                q = true;
                i++;
                while (i < to && s.charAt(i) != '"') {
                    char d = s.charAt(i);
                    if (d == esc && i + 1 < to && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == esc
                            || s.charAt(i + 1) == '$')) {
                        v.append(s.charAt(i + 1));
                        i += 2;
                    } else {
                        v.append(d);
                        i++;
                    }
                }
                i = Math.min(i + 1, to);
            } else if (c == '\'') {
                q = true;
                i++;
                while (i < to && s.charAt(i) != '\'') {
                    v.append(s.charAt(i));
                    i++;
                }
                i = Math.min(i + 1, to);
            } else if (c == esc && i + 1 < to) {
                q = true;
                v.append(s.charAt(i + 1));
                i += 2;
            } else {
                v.append(c);
                i++;
            }
        }
        endOut[0] = i;
        return new LWord(start, i, v.toString(), q);
    }

    /** Index of the first '=' in [from, to) outside quotes, or -1. */
    static int equalsOutsideQuotes(CharSequence s, int from, int to, char esc) {
        boolean sq = false;
        boolean dq = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (sq) {
                sq = c != '\'';
            } else if (dq) {
                if (c == esc) {
                    i++;
                } else if (c == '"') {
                    dq = false;
                }
            } else if (c == esc) {
                i++;
            } else if (c == '\'') {
                sq = true;
            } else if (c == '"') {
                dq = true;
            } else if (c == '=') {
                return i;
            }
        }
        return -1;
    }

    /** Unquotes a raw slice as the word lexer does (used for values after '=' and legacy ENV values). */
    static String unquote(CharSequence s, int from, int to, char esc) {
        StringBuilder v = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                while (i < to && s.charAt(i) != '"') {
                    char d = s.charAt(i);
                    if (d == esc && i + 1 < to && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == esc
                            || s.charAt(i + 1) == '$')) {
                        v.append(s.charAt(i + 1));
                        i += 2;
                    } else {
                        v.append(d);
                        i++;
                    }
                }
                i++;
            } else if (c == '\'') {
                i++;
                while (i < to && s.charAt(i) != '\'') {
                    v.append(s.charAt(i));
                    i++;
                }
                i++;
            } else if (c == esc && i + 1 < to) {
                v.append(s.charAt(i + 1));
                i += 2;
            } else {
                v.append(c);
                i++;
            }
        }
        return v.toString();
    }

    /**
     * A strict JSON array of strings spanning [from, to) (blanks around allowed), as Docker's exec form
     * requires; null when the text is not one.
     */
    static List<LWord> jsonArray(CharSequence s, int from, int to) {
        int i = skipBlanks(s, from, to);
        if (i >= to || s.charAt(i) != '[') {
            return null;
        }
        i = skipBlanks(s, i + 1, to);
        List<LWord> out = new ArrayList<>();
        if (i < to && s.charAt(i) == ']') {
            i++;
        } else {
            while (true) {
                if (i >= to || s.charAt(i) != '"') {
                    return null;
                }
                int start = i;
                StringBuilder v = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < to) {
                    char c = s.charAt(i);
                    if (c == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (c == '\\') {
                        if (i + 1 >= to) {
                            return null;
                        }
                        char e = s.charAt(i + 1);
                        switch (e) {
                            case '"': case '\\': case '/': v.append(e); break;
                            case 'b': v.append('\b'); break;
                            case 'f': v.append('\f'); break;
                            case 'n': v.append('\n'); break;
                            case 'r': v.append('\r'); break;
                            case 't': v.append('\t'); break;
                            case 'u':
                                if (i + 6 > to) {
                                    return null;
                                }
                                try {
                                    v.append((char) Integer.parseInt(s.subSequence(i + 2, i + 6).toString(), 16));
                                } catch (NumberFormatException ex) {
                                    return null;
                                }
                                i += 4;
                                break;
                            default:
                                return null;
                        }
                        i += 2;
                        continue;
                    }
                    v.append(c);
                    i++;
                }
                if (!closed) {
                    return null;
                }
                out.add(new LWord(start, i, v.toString(), true));
                i = skipBlanks(s, i, to);
                if (i < to && s.charAt(i) == ',') {
                    i = skipBlanks(s, i + 1, to);
                    continue;
                }
                if (i < to && s.charAt(i) == ']') {
                    i++;
                    break;
                }
                return null;
            }
        }
        return skipBlanks(s, i, to) == to ? out : null;
    }

    /**
     * A bracketed list that is not valid JSON but plainly meant as one ({@code ['node', 'app.js']}): elements
     * in single or double quotes separated by commas. Returns the element values or null.
     */
    static List<String> looseArray(CharSequence s, int from, int to) {
        int i = skipBlanks(s, from, to);
        int end = trimEnd(s, i, to);
        if (i >= end || s.charAt(i) != '[' || s.charAt(end - 1) != ']') {
            return null;
        }
        i = skipBlanks(s, i + 1, end - 1);
        int last = trimEnd(s, i, end - 1);
        List<String> out = new ArrayList<>();
        while (i < last) {
            char q = s.charAt(i);
            if (q != '\'' && q != '"') {
                return null;
            }
            int j = i + 1;
            StringBuilder v = new StringBuilder();
            while (j < last && s.charAt(j) != q) {
                if (s.charAt(j) == '\\' && j + 1 < last) {
                    v.append(s.charAt(j + 1));
                    j += 2;
                    continue;
                }
                v.append(s.charAt(j));
                j++;
            }
            if (j >= last) {
                return null;
            }
            out.add(v.toString());
            i = skipBlanks(s, j + 1, last);
            if (i < last) {
                if (s.charAt(i) != ',') {
                    return null;
                }
                i = skipBlanks(s, i + 1, last);
                if (i >= last) {
                    // trailing comma: still clearly meant as a list
                    break;
                }
            }
        }
        return out;
    }

    private static boolean delimiterChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /** Heredoc markers ({@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"}, {@code 2<<EOF}) outside quotes. */
    static List<Marker> heredocMarkers(CharSequence s, int from, int to, char esc, int max) {
        List<Marker> out = new ArrayList<>();
        boolean sq = false;
        boolean dq = false;
        int i = from;
        while (i < to && out.size() < max) {
            char c = s.charAt(i);
            if (sq) {
                sq = c != '\'';
                i++;
                continue;
            }
            if (dq) {
                if (c == esc) {
                    i += 2;
                    continue;
                }
                dq = c != '"';
                i++;
                continue;
            }
            if (c == esc) {
                i += 2;
                continue;
            }
            if (c == '\'') {
                sq = true;
            } else if (c == '"') {
                dq = true;
            } else if (c == '<' && i + 1 < to && s.charAt(i + 1) == '<' && (i + 2 >= to || s.charAt(i + 2) != '<')
                    && atWordStart(s, from, i)) {
                int p = i + 2;
                boolean strip = false;
                if (p < to && s.charAt(p) == '-') {
                    strip = true;
                    p++;
                }
                String delim = null;
                boolean quoted = false;
                int end = p;
                if (p < to && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
                    char q = s.charAt(p);
                    int k = p + 1;
                    while (k < to && s.charAt(k) != q && delimiterChar(s.charAt(k))) {
                        k++;
                    }
                    if (k < to && s.charAt(k) == q && k > p + 1) {
                        delim = s.subSequence(p + 1, k).toString();
                        quoted = true;
                        end = k + 1;
                    }
                } else {
                    int k = p;
                    while (k < to && delimiterChar(s.charAt(k))) {
                        k++;
                    }
                    if (k > p && (k >= to || !delimiterOrQuoteContinues(s.charAt(k)))) {
                        delim = s.subSequence(p, k).toString();
                        end = k;
                    }
                }
                if (delim != null) {
                    out.add(new Marker(i, end, delim, quoted, strip));
                    i = end;
                    continue;
                }
            }
            i++;
        }
        return out;
    }

    private static boolean delimiterOrQuoteContinues(char c) {
        return c == '"' || c == '\'' || c == '$' || c == '`';
    }

    private static boolean atWordStart(CharSequence s, int from, int i) {
        int k = i;
        while (k > from && Character.isDigit(s.charAt(k - 1))) {
            k--;
        }
        return k == from || isBlank(s.charAt(k - 1)) || ";&|(".indexOf(s.charAt(k - 1)) >= 0;
    }
}
