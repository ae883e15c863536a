package io.archlens.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's side of the text, written independently of the server's {@code LineIndex}: line starts (LF, CRLF
 * and lone CR end a line, as LSP says), positions in UTF-16 code units, and an edit applied as an editor would
 * (a line past the end means the end of the document, a character past the line end means the line end, a
 * reversed range is normalised). Also the two encodings the harness needs: bytes for files on disk (a lone
 * surrogate written as its three-byte form, which is invalid UTF-8) and JSON string literals that keep every
 * character (lone surrogates and NUL escaped as {@code \\uXXXX}, as a JavaScript client sends them).
 */
public final class ClientText {
    private ClientText() {
    }

    /** A zero-based LSP position. */
    public record Pos(int line, int character) {
    }

    /** One ranged content change, positions as the client sends them (possibly out of range). */
    public record Change(Pos start, Pos end, String text) {
    }

    public static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                starts.add(i + 1);
            } else if (c == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The end of line {@code line}'s content (before its line break). */
    public static int lineEnd(String text, int[] starts, int line) {
        if (line + 1 >= starts.length) {
            return text.length();
        }
        int end = starts[line + 1];
        if (text.charAt(end - 1) == '\n') {
            end--;
            if (end > starts[line] && text.charAt(end - 1) == '\r') {
                end--;
            }
        } else {
            end--; // a lone CR
        }
        return end;
    }

    /** The offset a (possibly out-of-range) position means. */
    public static int offset(String text, int[] starts, Pos p) {
        if (p.line() < 0) {
            return 0;
        }
        if (p.line() >= starts.length) {
            return text.length();
        }
        long off = (long) starts[p.line()] + Math.max(0, p.character());
        return (int) Math.min(off, lineEnd(text, starts, p.line()));
    }

    public static Pos position(String text, int[] starts, int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Pos(lo, offset - starts[lo]);
    }

    /** An offset moved off the middle of a CRLF pair and of a surrogate pair. */
    public static int safeOffset(String text, int off) {
        if (off > 0 && off < text.length()) {
            char prev = text.charAt(off - 1);
            char cur = text.charAt(off);
            if ((prev == '\r' && cur == '\n') || (Character.isHighSurrogate(prev) && Character.isLowSurrogate(cur))) {
                return off - 1;
            }
        }
        return off;
    }

    /** The text after the change, as the client has it. */
    public static String apply(String text, Change c) {
        int[] starts = lineStarts(text);
        int s = offset(text, starts, c.start());
        int e = offset(text, starts, c.end());
        if (e < s) {
            int t = s;
            s = e;
            e = t;
        }
        return text.substring(0, s) + c.text() + text.substring(e);
    }

    /** UTF-8, except that a lone surrogate becomes its (invalid) three-byte form instead of '?'. */
    public static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int runStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
                continue;
            }
            out.writeBytes(text.substring(runStart, i).getBytes(StandardCharsets.UTF_8));
            out.write(0xE0 | (c >> 12));
            out.write(0x80 | ((c >> 6) & 0x3F));
            out.write(0x80 | (c & 0x3F));
            runStart = i + 1;
        }
        out.writeBytes(text.substring(runStart).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** What an editor shows for bytes: UTF-8 with replacement characters (a BOM is kept as U+FEFF). */
    public static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A JSON string literal (with quotes) that survives any UTF-8 transport unchanged. */
    public static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029 || c == 0x7F) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
