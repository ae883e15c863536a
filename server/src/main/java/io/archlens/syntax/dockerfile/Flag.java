package io.archlens.syntax.dockerfile;

import io.archlens.core.TextRange;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An instruction flag such as {@code --from=build}, {@code --chown=app:app} or
 * {@code --mount=type=cache,target=/root/.m2}. {@code name} is without the dashes, {@code value} is null for a
 * bare flag ({@code --link}); {@code valueRange} is null then too.
 */
public record Flag(String name, String value, TextRange range, TextRange valueRange) {
    public boolean is(String n) {
        return name.equalsIgnoreCase(n);
    }

    /**
     * The comma-separated {@code key=value} options of a value such as a {@code --mount} spec, keys
     * lower-cased; a bare option maps to "" (e.g. {@code readonly}).
     */
    public Map<String, String> options() {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String k = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : unquote(p.substring(eq + 1).trim());
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
