package io.archlens.core;

import java.util.Arrays;

/**
 * Maps offsets in a text to LSP positions and back. Line breaks are LF, CRLF and lone CR, as in the LSP
 * specification. Java strings are UTF-16, so a character offset is already a UTF-16 code unit offset.
 */
public final class LineIndex {
    private final String text;
    private final int[] lineStarts;

    private LineIndex(String text, int[] lineStarts) {
        this.text = text;
        this.lineStarts = lineStarts;
    }

    public static LineIndex of(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(text, Arrays.copyOf(starts, count));
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))];
    }

    /** Offset just past the line's content, before its line break. */
    public int lineEnd(int line) {
        if (line >= lineStarts.length - 1) {
            return text.length();
        }
        int end = lineStarts[line + 1];
        if (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > lineStarts[line] && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** Offset past the line's break (the start of the next line, or the end of the text). */
    public int lineEndIncludingBreak(int line) {
        return line >= lineStarts.length - 1 ? text.length() : lineStarts[line + 1];
    }

    public String lineText(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    public int lineOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int idx = Arrays.binarySearch(lineStarts, clamped);
        return idx >= 0 ? idx : -idx - 2;
    }

    public Position position(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = lineOf(clamped);
        int col = Math.min(clamped, lineEnd(line)) - lineStarts[line];
        return new Position(line, col);
    }

    /** Offset of an LSP position; characters past the line end clamp to the end (as the spec requires). */
    public int offset(Position position) {
        return offset(position.line(), position.character());
    }

    public int offset(int line, int character) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[line];
        int end = lineEnd(line);
        // clients send Integer.MAX_VALUE for "end of line": compare before adding, so it cannot overflow
        int off = character >= end - start ? end : start + Math.max(0, character);
        // never split a surrogate pair
        if (off > start && off < text.length() && Character.isLowSurrogate(text.charAt(off))
                && Character.isHighSurrogate(text.charAt(off - 1))) {
            off--;
        }
        return off;
    }

    /** Offset of a (line, column) where the column counts Unicode code points (as some parsers report). */
    public int offsetOfCodePointColumn(int line, int codePointColumn) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[line];
        int end = lineEnd(line);
        int off = start;
        for (int i = 0; i < codePointColumn && off < end; i++) {
            off += Character.charCount(text.codePointAt(off));
        }
        return Math.min(off, end);
    }

    /**
     * The text's line break, for text that ArchLens inserts: CRLF or CR when its first line break is one,
     * else LF (so CRLF files stay CRLF). Looks only as far as the first line break.
     */
    public static String lineEnding(String text) {
        int n = text.indexOf('\n');
        int r = text.indexOf('\r', 0);
        if (r >= 0 && (n < 0 || r < n)) {
            return r + 1 < text.length() && text.charAt(r + 1) == '\n' ? "\r\n" : "\r";
        }
        return "\n";
    }

    public TextRange lineRange(int line) {
        return new TextRange(lineStart(line), lineEnd(line));
    }
}
