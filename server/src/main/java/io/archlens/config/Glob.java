package io.archlens.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * gitignore-like globs over forward-slash paths relative to the folder of the settings file (the workspace root
 * in the editor): {@code *} within a segment, {@code **} across segments, {@code ?} one character. As in
 * gitignore, a pattern with no slash but a trailing one ({@code *.min.yml}, {@code vendor/}) matches at any
 * depth, and one with a slash at its start or in its middle ({@code /charts/}, {@code charts/vendor/},
 * {@code docs/*.md}) is anchored at that folder; a leading {@code **}{@code /} matches at any depth. A pattern
 * that names a folder also matches everything under it. No {@code !} negation, no {@code [...]} classes.
 */
public final class Glob {
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Glob() {
    }

    public static boolean matches(String glob, String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return CACHE.computeIfAbsent(glob, Glob::compile).matcher(p).matches();
    }

    static Pattern compile(String glob) {
        String g = glob.trim().replace('\\', '/');
        while (g.startsWith("./")) {
            g = g.substring(2);
        }
        String body = g.endsWith("/") ? g.substring(0, g.length() - 1) : g;
        boolean anyDepth = !body.contains("/") || g.startsWith("**/");
        if (g.endsWith("/")) {
            g = g + "**";
        }
        if (g.startsWith("/")) {
            g = g.substring(1);
            anyDepth = false;
        }
        StringBuilder re = new StringBuilder();
        if (anyDepth && !g.startsWith("**/")) {
            re.append("(?:.*/)?");
        }
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
                if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                    boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                    re.append(slashAfter ? "(?:.*/)?" : ".*");
                    i += slashAfter ? 2 : 1;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        // a folder pattern also matches everything below it
        re.append("(?:/.*)?");
        return Pattern.compile(re.toString());
    }
}
