package io.archlens.syntax.treesitter;

/** Tree-sitter counts UTF-8 bytes; ArchLens counts UTF-16 code units. The map between the two for one text. */
final class Utf8Offsets {
    private Utf8Offsets() {
    }

    /** For each UTF-8 byte offset of {@code s} (and one past the end), its UTF-16 offset; null when they agree (ASCII). */
    static int[] map(String s) {
        int n = s.length();
        int bytes = 0;
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else {
                ascii = false;
                if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
        }
        if (ascii) {
            return null;
        }
        int[] map = new int[bytes + 1];
        int b = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int len;
            int units = 1;
            if (c < 0x80) {
                len = 1;
            } else if (c < 0x800) {
                len = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                len = 4;
                units = 2;
            } else {
                len = 3;
            }
            for (int k = 0; k < len; k++) {
                map[b + k] = i; // a byte inside a character maps to the character's start
            }
            b += len;
            i += units - 1;
        }
        map[bytes] = n;
        return map;
    }
}
