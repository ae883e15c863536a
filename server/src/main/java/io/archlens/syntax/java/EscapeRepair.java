package io.archlens.syntax.java;

/**
 * Invalid escapes in string, character and text-block literals ({@code "c:\path"}, a regex written {@code "\d"})
 * are a lexical error that makes JavaParser drop the whole file. This replaces the backslash of each such escape
 * by a space, keeping the text's length and line breaks so every offset still holds, so that the rest of the file
 * is analysed (the error itself is still reported from the first parse).
 */
final class EscapeRepair {
    private EscapeRepair() {
    }

    /** The text with invalid escapes blanked, or null when it has none. */
    static String repair(String text) {
        char[] c = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (ch == '"' || ch == '\'') {
                boolean block = ch == '"' && text.startsWith("\"\"\"", i);
                i += block ? 3 : 1;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        if (!valid(text.charAt(i + 1), block)) {
                            if (c == null) {
                                c = text.toCharArray();
                            }
                            c[i] = ' ';
                            i++;
                        } else {
                            i += 2;
                        }
                        continue;
                    }
                    if (block ? text.startsWith("\"\"\"", i) : d == ch) {
                        i += block ? 3 : 1;
                        break;
                    }
                    if (!block && (d == '\n' || d == '\r')) {
                        break; // unclosed: the parser reports it
                    }
                    i++;
                }
            } else {
                i++;
            }
        }
        return c == null ? null : new String(c);
    }

    private static boolean valid(char next, boolean textBlock) {
        return "btnfrs\"'\\u01234567".indexOf(next) >= 0 || textBlock && (next == '\n' || next == '\r');
    }
}
