package io.archlens.agent.provider;

import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import okhttp3.Headers;

/**
 * The agent's only way to log, on top of the project's {@link io.archlens.core.Log} (stderr and the client's
 * log). Header values of credentials are replaced by {@code ***}, and any known secret (the API key) is
 * masked wherever it appears in a message, so a key can never reach a log line.
 */
public final class SafeLog {
    private static final Set<String> SENSITIVE = Set.of("authorization", "proxy-authorization", "x-api-key",
            "api-key", "cookie", "set-cookie", "x-goog-api-key", "openai-organization", "openai-project");

    private SafeLog() {
    }

    public static String headers(Headers h) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < h.size(); i++) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            String name = h.name(i);
            sb.append(name).append(": ")
                    .append(SENSITIVE.contains(name.toLowerCase(Locale.ROOT)) ? "***" : h.value(i));
        }
        return sb.toString();
    }

    /** Replaces every occurrence of each non-trivial secret with {@code ***}. */
    public static String mask(String message, String... secrets) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, "***");
            }
        }
        return out;
    }

    public static void log(Level level, String message, String... secrets) {
        io.archlens.core.Log.Level l = level.intValue() >= Level.WARNING.intValue() ? io.archlens.core.Log.Level.WARN
                : level.intValue() >= Level.INFO.intValue() ? io.archlens.core.Log.Level.INFO
                : io.archlens.core.Log.Level.DEBUG;
        io.archlens.core.Log.log(l, mask(message, secrets));
    }
}
