package io.archlens.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * gitignore-like globs over forward-slash relative paths: {@code *} within a segment, {@code **} across
 * segments, {@code ?} one character. A pattern without a slash matches the file name at any depth; a pattern
 * ending in {@code /} matches everything under that folder.
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
        boolean anyDepth = !g.contains("/") || g.startsWith("**/");
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
