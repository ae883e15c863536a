package io.archlens.syntax.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spring Boot relaxed binding, reduced to what lookups need. {@code spring.jpa.open-in-view},
 * {@code spring.jpa.openInView}, {@code spring.jpa.open_in_view} and {@code SPRING.JPA.OPEN-IN-VIEW} bind to the
 * same property; their canonical form here is {@code spring.jpa.openinview}: each dot-separated element is
 * lower-cased with {@code -} and {@code _} removed. List indices stay ({@code a.b[0].c}); bracketed map keys
 * ({@code [/api/**]}) are kept verbatim because Spring does not relax them.
 */
public final class RelaxedNames {
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private RelaxedNames() {
    }

    public static String canonical(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        int n = key.length();
        int i = 0;
        while (i < n) {
            char c = key.charAt(i);
            if (c == '[') {
                int close = key.indexOf(']', i);
                if (close < 0) {
                    close = n; // an unclosed bracket runs to the end of the key
                }
                String inner = key.substring(i + 1, close);
                if (isIndex(inner)) {
                    sb.append('[').append(inner.trim()).append(']');
                } else {
                    // a bracketed map key is an element of its own: keep it verbatim
                    if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '.') {
                        sb.append('.');
                    }
                    sb.append('[').append(inner).append(']');
                }
                i = close + 1;
                continue;
            }
            if (c == '-' || c == '_') {
                i++;
                continue;
            }
            if (c == '.') {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '.') {
                    sb.append('.');
                }
                i++;
                continue;
            }
            sb.append(Character.toLowerCase(c));
            i++;
        }
        int len = sb.length();
        while (len > 0 && sb.charAt(len - 1) == '.') {
            len--;
        }
        sb.setLength(len);
        return sb.toString();
    }

    /** True when two keys name the same property under relaxed binding. */
    public static boolean same(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    private static boolean isIndex(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Last element of a canonical key without trailing list indices: {@code a.b[0]} -> {@code b}. */
    public static String lastSegment(String canonical) {
        String s = canonical;
        while (s.endsWith("]")) {
            int open = s.lastIndexOf('[');
            if (open <= 0) {
                break;
            }
            String inner = s.substring(open + 1, s.length() - 1);
            if (!isIndex(inner)) {
                break;
            }
            s = s.substring(0, open);
        }
        int dot = s.lastIndexOf('.');
        return dot < 0 ? s : s.substring(dot + 1);
    }

    /** The canonical key with every list index removed: {@code a.b[0].c} -> {@code a.b.c}. */
    public static String withoutIndices(String canonical) {
        if (canonical.indexOf('[') < 0) {
            return canonical;
        }
        return INDEX.matcher(canonical).replaceAll("");
    }

    /**
     * Prefixes of a canonical key, shortest first: {@code a.b[0].c} -> {@code a}, {@code a.b}, {@code a.b[0]},
     * {@code a.b[0].c}.
     */
    public static List<String> prefixes(String canonical) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c == '[') {
                if (depth == 0 && i > 0 && canonical.charAt(i - 1) != '.') {
                    out.add(canonical.substring(0, i));
                }
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == '.' && depth == 0) {
                out.add(canonical.substring(0, i));
            }
        }
        out.add(canonical);
        return out;
    }

    /**
     * An environment-variable style name for a key, for {@code ${...}} placeholders:
     * {@code spring.datasource.password} -> {@code SPRING_DATASOURCE_PASSWORD},
     * {@code app.clientSecret} -> {@code APP_CLIENT_SECRET}, {@code a.b[0].c} -> {@code A_B_0_C}.
     */
    public static String envName(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
                sb.append('_');
            }
            if (c < 128 && Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        int len = sb.length();
        while (len > 0 && sb.charAt(len - 1) == '_') {
            len--;
        }
        sb.setLength(len);
        String s = sb.toString();
        return s.isEmpty() ? "SECRET" : s.toUpperCase(Locale.ROOT);
    }
}
