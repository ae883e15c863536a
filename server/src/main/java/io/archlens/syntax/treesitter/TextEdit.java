package io.archlens.syntax.treesitter;

import org.treesitter.TSInputEdit;
import org.treesitter.TSPoint;

/**
 * The one edit that turns an old text into a new one: the common prefix and suffix stay, the middle is replaced.
 * Gives tree-sitter its {@link TSInputEdit} (UTF-8 bytes and row/byte-column points) and the UTF-16 view the copy
 * needs: {@code start}, {@code newEnd} (in the new text) and {@code delta} (new length minus old).
 */
final class TextEdit {
    final int start;
    final int oldEnd;
    final int newEnd;
    final int delta;

    private TextEdit(int start, int oldEnd, int newEnd) {
        this.start = start;
        this.oldEnd = oldEnd;
        this.newEnd = newEnd;
        this.delta = newEnd - oldEnd;
    }

    static TextEdit between(String old, String now) {
        io.archlens.core.TextDiff d = io.archlens.core.TextDiff.between(old, now);
        return new TextEdit(d.start(), d.oldEnd(), d.newEnd());
    }

    boolean isEmpty() {
        return oldEnd == start && newEnd == start;
    }

    TSInputEdit toInputEdit(String old, String now) {
        int[] startPoint = point(now, 0, start, 0, 0);
        int startByte = startPoint[2];
        int[] oldEndPoint = point(old, start, oldEnd, startPoint[0], startPoint[1]);
        int[] newEndPoint = point(now, start, newEnd, startPoint[0], startPoint[1]);
        return new TSInputEdit(startByte, startByte + oldEndPoint[2], startByte + newEndPoint[2],
                new TSPoint(startPoint[0], startPoint[1]), new TSPoint(oldEndPoint[0], oldEndPoint[1]),
                new TSPoint(newEndPoint[0], newEndPoint[1]));
    }

    /** Row, byte column and byte count after walking {@code s[from, to)} from (row, column). */
    private static int[] point(String s, int from, int to, int row, int column) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int len;
            if (c < 0x80) {
                len = 1;
            } else if (c < 0x800) {
                len = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                len = 4;
                i++;
            } else {
                len = 3;
            }
            bytes += len;
            if (c == '\n') {
                row++;
                column = 0;
            } else {
                column += len;
            }
        }
        return new int[] {row, column, bytes};
    }
}
