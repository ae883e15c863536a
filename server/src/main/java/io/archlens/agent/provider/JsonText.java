package io.archlens.agent.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Finds JSON inside free text (models answering in plain text often wrap it in prose or code fences). */
public final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private JsonText() {
    }

    /**
     * The first balanced JSON object in {@code text} that parses (strings and escapes respected), or null when
     * there is none (or it is cut off).
     */
    public static String firstObject(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            int depth = 0;
            boolean inString = false;
            for (int i = start; i < n; i++) {
                char c = text.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                    if (depth == 0) {
                        String candidate = text.substring(start, i + 1);
                        if (parses(candidate)) {
                            return candidate;
                        }
                        break;
                    }
                    if (depth < 0) {
                        break;
                    }
                }
            }
            if (depth > 0) {
                return null; // unbalanced to the end: truncated, and any later '{' is inside it
            }
        }
        return null;
    }

    private static boolean parses(String s) {
        try {
            JsonNode n = JSON.readTree(s);
            return n != null && n.isObject();
        } catch (Exception e) {
            return false;
        }
    }
}
