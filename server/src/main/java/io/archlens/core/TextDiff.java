package io.archlens.core;

/**
 * The one edit that turns an old text into a new one: the common prefix and suffix stay, {@code old[start, oldEnd)}
 * is replaced by {@code now[start, newEnd)}. Never splits a surrogate pair. What the incremental parsers (tree-sitter,
 * Java) start from when the editor sends a new version.
 */
public record TextDiff(int start, int oldEnd, int newEnd) {
    public static TextDiff between(String old, String now) {
        int max = Math.min(old.length(), now.length());
        int p = 0;
        while (p < max && old.charAt(p) == now.charAt(p)) {
            p++;
        }
        if (p > 0 && p < max && Character.isHighSurrogate(old.charAt(p - 1))) {
            p--;
        }
        int s = 0;
        while (s < max - p && old.charAt(old.length() - 1 - s) == now.charAt(now.length() - 1 - s)) {
            s++;
        }
        if (s > 0 && s < max - p && Character.isLowSurrogate(now.charAt(now.length() - s))) {
            s--;
        }
        return new TextDiff(p, old.length() - s, now.length() - s);
    }

    /** New length minus old length. */
    public int delta() {
        return newEnd - oldEnd;
    }

    public boolean isEmpty() {
        return oldEnd == start && newEnd == start;
    }
}
