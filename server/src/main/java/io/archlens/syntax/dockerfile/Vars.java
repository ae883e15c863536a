package io.archlens.syntax.dockerfile;

import java.util.Map;

/** Dockerfile variable substitution ({@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:+alt}}). */
public final class Vars {
    private Vars() {
    }

    /**
     * Substitutes variables from {@code vars} (a null value means "declared without default"). Returns null when
     * a variable is unknown or has no value and no default, because the result is then only known at build time.
     */
    public static String substitute(String s, Map<String, String> vars) {
        if (s.indexOf('$') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            if (c != '$' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char d = s.charAt(i + 1);
            if (d == '{') {
                int close = s.indexOf('}', i + 2);
                if (close < 0) {
                    return null;
                }
                String expr = s.substring(i + 2, close);
                String name = expr;
                String op = null;
                String word = null;
                for (int k = 0; k < expr.length(); k++) {
                    char e = expr.charAt(k);
                    if (!(Character.isLetterOrDigit(e) || e == '_')) {
                        name = expr.substring(0, k);
                        boolean colon = e == ':' && k + 1 < expr.length();
                        op = colon ? expr.substring(k, k + 2) : String.valueOf(e);
                        word = expr.substring(k + op.length());
                        break;
                    }
                }
                String val = vars.get(name);
                boolean set = val != null && !val.isEmpty();
                String r;
                if (op == null) {
                    r = val;
                } else if (op.equals(":-") || op.equals("-")) {
                    r = set || (op.equals("-") && val != null) ? val : word;
                } else if (op.equals(":+") || op.equals("+")) {
                    r = set || (op.equals("+") && val != null) ? word : "";
                } else {
                    r = val;
                }
                if (r == null) {
                    return null;
                }
                out.append(r);
                i = close + 1;
            } else if (Character.isLetter(d) || d == '_') {
                int k = i + 1;
                while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
                    k++;
                }
                String val = vars.get(s.substring(i + 1, k));
                if (val == null) {
                    return null;
                }
                out.append(val);
                i = k;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
