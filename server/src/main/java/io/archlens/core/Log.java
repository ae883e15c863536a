package io.archlens.core;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The one logger. Writes to stderr (never stdout: in stdio mode stdout is the LSP channel) and to sinks
 * such as the client's {@code window/logMessage}. Secrets must be redacted by callers before logging.
 */
public final class Log {
    public enum Level { ERROR, WARN, INFO, DEBUG }

    private static final List<BiConsumer<Level, String>> SINKS = new CopyOnWriteArrayList<>();
    private static volatile Level threshold = Level.INFO;
    private static volatile boolean stderr = true;

    private Log() {
    }

    public static void addSink(BiConsumer<Level, String> sink) {
        SINKS.add(sink);
    }

    public static void removeSink(BiConsumer<Level, String> sink) {
        SINKS.remove(sink);
    }

    public static void setThreshold(Level level) {
        threshold = level;
    }

    /** Tests turn stderr off to keep output readable; sinks still receive everything. */
    public static void setStderr(boolean on) {
        stderr = on;
    }

    public static void error(String msg, Throwable t) {
        log(Level.ERROR, t == null ? msg : msg + "\n" + stackTrace(t));
    }

    public static void warn(String msg) {
        log(Level.WARN, msg);
    }

    public static void info(String msg) {
        log(Level.INFO, msg);
    }

    public static void debug(String msg) {
        log(Level.DEBUG, msg);
    }

    /**
     * The time of day in UTC, {@code HH:mm:ss.SSSZ}. (UTC: the local zone would read the time-zone database on the
     * first line, ~10 ms of the server's start.)
     */
    static String utcTime(long epochMillis) {
        long ms = Math.floorMod(epochMillis, 86_400_000L);
        StringBuilder b = new StringBuilder(13);
        pad(b, ms / 3_600_000, 2).append(':');
        pad(b, ms / 60_000 % 60, 2).append(':');
        pad(b, ms / 1000 % 60, 2).append('.');
        return pad(b, ms % 1000, 3).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder b, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    public static void log(Level level, String msg) {
        if (level.ordinal() > threshold.ordinal()) {
            return;
        }
        if (stderr) {
            System.err.println("[archlens " + utcTime(System.currentTimeMillis()) + " " + level + "] " + msg);
        }
        for (BiConsumer<Level, String> s : SINKS) {
            try {
                s.accept(level, msg);
            } catch (RuntimeException ignored) {
                // a broken sink must not break logging
            }
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
