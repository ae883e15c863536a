package io.archlens.syntax.treesitter;

import java.util.ArrayList;
import java.util.List;

/**
 * After an edit, the parts of the previous {@link SyntaxTree} that did not change are copied in Java instead of
 * through the native binding: a node that lies wholly before or after the edit and outside every range tree-sitter
 * reports as changed, and that the old tree has with the same type and extent, brings its whole subtree along
 * (offsets shifted by the edit's length change). Only the nodes on the way to the edit cost native calls.
 */
final class Reuse {
    private final SyntaxTree old;
    private final TextEdit edit;
    private final List<int[]> dirty = new ArrayList<>();

    Reuse(SyntaxTree old, TextEdit edit, List<int[]> changedRanges) {
        this.old = old;
        this.edit = edit;
        dirty.add(new int[] {edit.start, edit.newEnd});
        dirty.addAll(changedRanges);
    }

    /**
     * If the new node at {@code idx} (its start set, spanning to {@code end}) can be taken from the old tree, copies
     * its subtree after it and returns true.
     */
    boolean tryCopy(SyntaxTree t, int idx, int end) {
        int start = t.start[idx];
        if (end <= start) {
            return false;
        }
        for (int[] d : dirty) {
            if (start <= d[1] && end >= d[0]) {
                return false; // touches the edit or a changed range
            }
        }
        int shift = start >= edit.newEnd ? edit.delta : 0;
        int os = start - shift;
        int oe = end - shift;
        int k = firstAt(os);
        for (; k >= 0 && k < old.count && old.start[k] == os; k++) {
            if (old.end[k] == oe && old.type[k] == t.type[idx] && (old.flags[k] & SyntaxTree.ERROR) == 0
                    && (t.flags[idx] & SyntaxTree.ERROR) == 0) {
                copySubtree(t, idx, k, shift);
                return true;
            }
        }
        return false;
    }

    private int firstAt(int offset) {
        int lo = 0;
        int hi = old.count - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (old.start[mid] < offset) {
                lo = mid + 1;
            } else {
                if (old.start[mid] == offset) {
                    found = mid;
                }
                hi = mid - 1;
            }
        }
        return found;
    }

    private void copySubtree(SyntaxTree t, int idx, int k, int shift) {
        t.end[idx] = old.end[k] + shift;
        t.flags[idx] = old.flags[k];
        int last = k;
        while (old.firstChild[last] >= 0) {
            int c = old.firstChild[last];
            while (old.nextSibling[c] >= 0) {
                c = old.nextSibling[c];
            }
            last = c;
        }
        int base = t.count - (k + 1); // new index of old index j (> k) is base + j
        for (int j = k + 1; j <= last; j++) {
            int op = old.parent[j];
            int n = t.add(old.type[j], old.field[j], op == k ? idx : base + op, old.start[j] + shift,
                    old.end[j] + shift, old.flags[j]);
            if (old.firstChild[j] >= 0) {
                t.firstChild[n] = base + old.firstChild[j];
            }
            if (old.nextSibling[j] >= 0) {
                t.nextSibling[n] = base + old.nextSibling[j];
            }
        }
        if (old.firstChild[k] >= 0) {
            t.firstChild[idx] = base + old.firstChild[k];
        }
    }
}
