package io.archlens.robustness;

import io.archlens.core.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catches what the server logs as an error (the rule book isolates a throwing parser or rule and logs it;
 * LSP4J logs an exception thrown by a notification handler, which the client never sees) and uncaught
 * exceptions, while the harness runs. Quiet: the server's stderr log and LSP4J's console output are off
 * meanwhile and restored by {@link #close()}.
 */
final class Observer implements AutoCloseable {
    /** One observed exception: its type and the first line of what was logged. */
    record Seen(String type, String message, boolean fatal) {
    }

    private static final Pattern TYPE = Pattern.compile("(?m)^((?:[a-zA-Z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error|Throwable))");
    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final BiConsumer<Log.Level, String> sink = this::logged;
    private final Logger lsp4j = Logger.getLogger("org.eclipse.lsp4j");
    private final boolean lsp4jParents;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            Throwable t = r.getThrown();
            if (r.getLevel().intValue() >= Level.WARNING.intValue() && !harnessArtifact(t)) {
                seen.add(new Seen(t != null ? t.getClass().getName() : "lsp4j " + r.getLevel(),
                        firstLine(t != null ? String.valueOf(t) : String.valueOf(r.getMessage())), t instanceof Error));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Thread.UncaughtExceptionHandler previousUncaught;

    Observer() {
        Log.addSink(sink);
        Log.setStderr(false);
        lsp4jParents = lsp4j.getUseParentHandlers();
        lsp4j.setUseParentHandlers(false);
        lsp4j.addHandler(handler);
        previousUncaught = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (!(e instanceof ThreadDeath)) {
                seen.add(new Seen(e.getClass().getName(), "uncaught in " + t.getName() + ": " + e, true));
            }
        });
    }

    /** A late write of a server the harness abandoned after a hang, to its closed pipe: not the server's fault. */
    private static boolean harnessArtifact(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (String.valueOf(x.getMessage()).contains(BlockingPipe.CLOSED)) {
                return true;
            }
        }
        return false;
    }

    private void logged(Log.Level level, String msg) {
        if (level != Log.Level.ERROR || msg.contains(BlockingPipe.CLOSED)) {
            return;
        }
        int nl = msg.indexOf('\n');
        Matcher m = TYPE.matcher(nl < 0 ? "" : msg.substring(nl + 1));
        String type = m.find() ? m.group(1) : "logged error without an exception";
        seen.add(new Seen(type, firstLine(msg), type.endsWith("Error") && type.startsWith("java.lang.")));
    }

    /** What was seen since the last call. */
    List<Seen> drain() {
        List<Seen> out = new ArrayList<>();
        for (Seen s; (s = seen.poll()) != null;) {
            out.add(s);
        }
        return out;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return Tally.abbreviate(nl < 0 ? s : s.substring(0, nl));
    }

    @Override
    public void close() {
        Log.removeSink(sink);
        Log.setStderr(true);
        lsp4j.removeHandler(handler);
        lsp4j.setUseParentHandlers(lsp4jParents);
        Thread.setDefaultUncaughtExceptionHandler(previousUncaught);
    }
}
