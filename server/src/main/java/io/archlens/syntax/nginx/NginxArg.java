package io.archlens.syntax.nginx;

import io.archlens.core.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * One token of a directive (its name or an argument). {@code raw} is the exact source text including any
 * quotes; {@code value} is what nginx sees (quotes removed, {@code \" \' \\ \t \r \n} unescaped).
 * {@code quote} is {@code '"'}, {@code '\''} or 0 for a bare word.
 */
public record NginxArg(String raw, String value, TextRange range, char quote) {
    /** A variable reference in the token: {@code $name} or {@code ${name}}, with its exact source range. */
    public record Variable(String name, TextRange range, boolean braced) {
    }

    public boolean quoted() {
        return quote != 0;
    }

    /** The range of the content between the quotes (the whole token for bare words). */
    public TextRange contentRange() {
        if (quote == 0 || raw.length() < 2 || raw.charAt(raw.length() - 1) != quote) {
            return quote == 0 ? range : new TextRange(Math.min(range.start() + 1, range.end()), range.end());
        }
        return new TextRange(range.start() + 1, range.end() - 1);
    }

    /** Variables referenced in this token, in source order, with exact ranges. */
    public List<Variable> variables() {
        List<Variable> out = new ArrayList<>();
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c != '$' || i + 1 >= n) {
                i++;
                continue;
            }
            if (raw.charAt(i + 1) == '{') {
                int close = raw.indexOf('}', i + 2);
                if (close < 0) {
                    i++;
                    continue;
                }
                out.add(new Variable(raw.substring(i + 2, close),
                        new TextRange(range.start() + i, range.start() + close + 1), true));
                i = close + 1;
                continue;
            }
            int j = i + 1;
            while (j < n && isVarChar(raw.charAt(j))) {
                j++;
            }
            if (j > i + 1) {
                out.add(new Variable(raw.substring(i + 1, j), new TextRange(range.start() + i, range.start() + j),
                        false));
            }
            i = Math.max(j, i + 1);
        }
        return out;
    }

    static boolean isVarChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    @Override
    public String toString() {
        return raw;
    }
}
