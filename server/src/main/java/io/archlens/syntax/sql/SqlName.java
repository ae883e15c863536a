package io.archlens.syntax.sql;

import io.archlens.core.TextRange;
import java.util.Locale;

/**
 * A possibly schema-qualified name: {@code name} and {@code schema} normalized (unquoted identifiers folded to
 * lower case, quotes removed), {@code range} covering it as written, {@code end} the token index after it.
 */
public record SqlName(String schema, String name, TextRange range, int end) {
    /** Unquoted -> lower case (PostgreSQL folding); {@code "x"} / {@code `x`} -> x as written. */
    public static String normalize(String raw) {
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '`')) {
            char q = raw.charAt(0);
            String inner = raw.substring(1, raw.charAt(raw.length() - 1) == q ? raw.length() - 1 : raw.length());
            return inner.replace(String.valueOf(q) + q, String.valueOf(q));
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    /** Reads {@code ident(.ident)*} at token {@code i}; null when there is no identifier there. */
    public static SqlName read(SqlStatement s, int i) {
        if (i < 0 || i >= s.size() || !s.get(i).isIdentifier()) {
            return null;
        }
        String schema = null;
        String name = s.identifier(i);
        int start = s.get(i).start();
        int endTok = i;
        int j = i + 1;
        while (j + 1 < s.size() && s.isOp(j, ".") && s.get(j + 1).isIdentifier()) {
            schema = name;
            name = s.identifier(j + 1);
            endTok = j + 1;
            j += 2;
        }
        return new SqlName(schema, name, new TextRange(start, s.get(endTok).end()), endTok + 1);
    }

    public String qualified() {
        return schema == null ? name : schema + "." + name;
    }
}
