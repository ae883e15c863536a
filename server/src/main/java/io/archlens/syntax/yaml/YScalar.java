package io.archlens.syntax.yaml;

import io.archlens.core.TextRange;
import java.util.Locale;

/** A scalar; {@code plain} is false for quoted, literal and folded scalars. */
public record YScalar(String value, boolean plain, String tag, TextRange range) implements YNode {
    public boolean isNull() {
        return plain && (value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null"));
    }

    /** YAML 1.2 core-schema boolean (plain true/false in any case), else null. */
    public Boolean asBoolean() {
        if (!plain) {
            return null;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null;
    }

    public Long asLong() {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
