package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;
import java.util.Arrays;

/**
 * Maps offsets in a logical text (an instruction with its line continuations and comment lines removed) back
 * to offsets in the source document. The logical text is a concatenation of source slices ("segments"); a
 * lookup is a binary search over the segments, so a 10,000-line continuation costs nothing special.
 */
public final class SourceMap {
    private int[] logStart = new int[4];
    private int[] srcStart = new int[4];
    private int count;
    private int length;
    private final int origin;

    /** An empty map whose offsets all resolve to {@code origin} until slices are appended. */
    public SourceMap(int origin) {
        this.origin = origin;
    }

    /** A map for a contiguous source slice starting at {@code srcFrom}. */
    public static SourceMap contiguous(int srcFrom, int length) {
        SourceMap m = new SourceMap(srcFrom);
        m.append(srcFrom, srcFrom + length);
        return m;
    }

    /** Appends the source slice [srcFrom, srcTo) to the logical text. */
    void append(int srcFrom, int srcTo) {
        if (srcTo <= srcFrom) {
            return;
        }
        if (count > 0 && srcStart[count - 1] + (length - logStart[count - 1]) == srcFrom) {
            length += srcTo - srcFrom;
            return;
        }
        if (count == logStart.length) {
            logStart = Arrays.copyOf(logStart, count * 2);
            srcStart = Arrays.copyOf(srcStart, count * 2);
        }
        logStart[count] = length;
        srcStart[count] = srcFrom;
        count++;
        length += srcTo - srcFrom;
    }

    /** Length of the logical text. */
    public int length() {
        return length;
    }

    /** Source offset of a logical offset; the logical end maps just past the last source character. */
    public int toSource(int logical) {
        if (count == 0) {
            return origin;
        }
        if (logical >= length) {
            return srcStart[count - 1] + (length - logStart[count - 1]);
        }
        if (logical <= 0) {
            return srcStart[0];
        }
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (logStart[mid] <= logical) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return srcStart[lo] + (logical - logStart[lo]);
    }

    /**
     * The source range of the logical range [start, end). The end is mapped from the last included character,
     * so a range that ends at a line continuation does not swallow the escape character and line break.
     */
    public TextRange range(int start, int end) {
        int s = toSource(start);
        if (end <= start) {
            return TextRange.empty(s);
        }
        int e = toSource(end - 1) + 1;
        return new TextRange(s, Math.max(s, e));
    }
}
