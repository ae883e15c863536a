package io.archlens.filekind;

import java.util.Set;

/**
 * Cheap, whole-text look at the keys of a YAML or JSON root mapping, for detection: one pass over the text (already
 * bounded by {@code max-file-bytes}), no parse. YAML: a key counts when it sits at the indentation of its document's
 * first content line (so a document indented under {@code ---} is read too, and nested or block-scalar lines never
 * are). JSON: a key counts when it is a member name at depth 1 of the top-level object.
 */
final class RootKeys {
    private RootKeys() {
    }

    /**
     * True when a root mapping of {@code text} has one of {@code keys} whose value starts like {@code valueStart}
     * (a digit for a version number; any character when null).
     */
    static boolean hasYamlKey(String text, Set<String> keys, boolean versionValue) {
        int rootIndent = -1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int eol = text.indexOf('\n', i);
            int end = eol < 0 ? n : eol;
            int indent = 0;
            while (i + indent < end && text.charAt(i + indent) == ' ') {
                indent++;
            }
            int s = i + indent;
            if (s < end && text.charAt(s) != '#' && text.charAt(s) != '\r') {
                if (indent == 0 && (text.startsWith("---", s) || text.startsWith("...", s))
                        && (s + 3 == end || Character.isWhitespace(text.charAt(s + 3)))) {
                    rootIndent = -1; // a new document: its first content line sets the root indentation
                    if (s + 3 < end && text.substring(s + 3, end).strip().length() > 0) {
                        i = s + 3; // "--- openapi: 3.0.0" has content after the marker
                        continue;
                    }
                } else {
                    if (rootIndent < 0) {
                        rootIndent = i == 0 || text.charAt(i - 1) == '\n' ? indent : columnOf(text, s);
                    }
                    if (columnOf(text, s) == rootIndent && keyMatches(text, s, end, keys, versionValue)) {
                        return true;
                    }
                }
            }
            i = eol < 0 ? n : eol + 1;
        }
        return false;
    }

    private static int columnOf(String text, int at) {
        int ls = text.lastIndexOf('\n', at - 1) + 1;
        return at - ls;
    }

    private static boolean keyMatches(String text, int s, int end, Set<String> keys, boolean versionValue) {
        int q = s;
        char open = text.charAt(s);
        boolean quoted = open == '"' || open == '\'';
        if (quoted) {
            q++;
        }
        int k = q;
        while (k < end && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '_')) {
            k++;
        }
        if (!keys.contains(text.substring(q, k))) {
            return false;
        }
        if (quoted) {
            if (k >= end || text.charAt(k) != open) {
                return false;
            }
            k++;
        }
        if (k >= end || text.charAt(k) != ':') {
            return false;
        }
        return !versionValue || versionAfter(text, k + 1, end);
    }

    /** A version number (optionally quoted) after a colon: {@code 3.0.3}, {@code "2.0"}. */
    private static boolean versionAfter(String text, int from, int end) {
        int v = from;
        while (v < end && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
            v++;
        }
        if (v < end && (text.charAt(v) == '"' || text.charAt(v) == '\'')) {
            v++;
        }
        return v < end && Character.isDigit(text.charAt(v));
    }

    /** True when the top-level JSON object has a member named one of {@code keys} (with a version value). */
    static boolean hasJsonKey(String text, Set<String> keys, boolean versionValue) {
        int depth = 0;
        int n = text.length();
        boolean expectKey = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '{' -> {
                    depth++;
                    expectKey = depth == 1;
                }
                case '[' -> depth++;
                case '}', ']' -> depth--;
                case ',' -> expectKey = depth == 1;
                case '"' -> {
                    int close = stringEnd(text, i + 1);
                    if (depth == 1 && expectKey && keys.contains(text.substring(i + 1, close))) {
                        int colon = skipBlank(text, close + 1);
                        if (colon < n && text.charAt(colon) == ':'
                                && (!versionValue || versionAfter(text, colon + 1, Math.min(n, colon + 40)))) {
                            return true;
                        }
                    }
                    expectKey = false;
                    i = close;
                }
                default -> {
                }
            }
            if (depth < 0) {
                return false;
            }
        }
        return false;
    }

    private static int stringEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i;
            }
            i++;
        }
        return text.length();
    }

    private static int skipBlank(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
