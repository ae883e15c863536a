package io.archlens.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * "files done / total" on stderr for a run longer than two seconds on a terminal, rewritten in place and erased at
 * the end; nothing in pipes or on CI runners (CI set), so logs stay clean.
 */
final class Progress implements IntConsumer {
    private static final long AFTER_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final int total;
    private final long start = System.nanoTime();
    private boolean shown;
    private long lastNanos;

    private Progress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    /** A progress reporter when it may show (a terminal, not CI); a no-op otherwise. */
    static IntConsumer of(PrintWriter err, int total, boolean terminal, String ciEnv) {
        return terminal && (ciEnv == null || ciEnv.isEmpty()) && total > 1 ? new Progress(err, total) : n -> { };
    }

    @Override
    public synchronized void accept(int done) {
        long now = System.nanoTime();
        if (now - start < AFTER_NANOS || (shown && now - lastNanos < 100_000_000L && done < total)) {
            return;
        }
        shown = true;
        lastNanos = now;
        err.print("\rarchlens: " + done + "/" + total + " files");
        err.flush();
    }

    /** Erases the line when one was shown. */
    synchronized void close() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
