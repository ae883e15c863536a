package io.archlens.syntax.hcl.eval;

import io.archlens.syntax.hcl.HclExpr;
import java.util.List;

/**
 * A string template: each {@code ${...}} replaced by its interpolation's value. Directives ({@code %{...}}),
 * escapes that make the sequences ambiguous, and unknown or non-scalar parts give unknown.
 */
final class Templates {
    private Templates() {
    }

    static Value render(HclExpr.Str s, Evaluator ev) {
        String text = s.value();
        if (text.contains("%{")) {
            return Value.unknown();
        }
        List<HclExpr> parts = s.interpolations();
        StringBuilder out = new StringBuilder();
        int i = 0;
        int next = 0;
        while (i < text.length()) {
            int at = text.indexOf("${", i);
            if (at < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = close(text, at + 2);
            if (end < 0 || next >= parts.size()) {
                return Value.unknown();
            }
            out.append(text, i, at);
            Value v = ev.eval(parts.get(next++));
            String str = v.known() ? v.str() : null;
            if (str == null) {
                return Value.unknown();
            }
            out.append(str);
            i = end + 1;
        }
        return next == parts.size() ? Value.of(out.toString()) : Value.unknown();
    }

    /** The offset of the '}' closing a sequence whose body starts at {@code from}, skipping nested braces and strings. */
    private static int close(String t, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }
}
