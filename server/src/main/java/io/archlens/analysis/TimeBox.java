package io.archlens.analysis;

import io.archlens.config.Settings;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Runs one file's analysis with a time budget, so no single file can hold the caller (the editor's analysis
 * thread, a {@code check} worker) hostage. Past the budget the caller gets the file back with one
 * {@code archlens/not-analyzed} hint and moves on; the late run is told to stop between rules and interrupted, and
 * its result is dropped. A run stuck inside one rule keeps its worker thread until that rule returns (Java cannot
 * stop a thread), so at most {@link #MAX_STRAGGLERS} such runs exist at once: beyond that, files of the same
 * budget are analysed on the caller's thread rather than piling up threads.
 */
public final class TimeBox {
    static final int MAX_STRAGGLERS = 4;
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int LATE = 2;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final AtomicInteger STRAGGLERS = new AtomicInteger();
    /** Shared by every caller; idle threads end after a minute. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "archlens-rules-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private TimeBox() {
    }

    /** Late runs still going (each holds its file's model until its current rule returns). */
    public static int stragglers() {
        return STRAGGLERS.get();
    }

    /**
     * {@link RuleBook#analyze} within {@code budgetMs} (0 or less: no budget). A cancelled run returns what the
     * rule book returns for it.
     */
    public static Analysis analyze(RuleBook book, SourceFile file, Settings settings, long budgetMs, BooleanSupplier cancelled,
            BiConsumer<String, Throwable> log) {
        if (budgetMs <= 0 || STRAGGLERS.get() >= MAX_STRAGGLERS) {
            return book.analyze(file, settings, cancelled, log);
        }
        AtomicInteger state = new AtomicInteger(RUNNING);
        BooleanSupplier stop = () -> state.get() == LATE || cancelled.getAsBoolean();
        Future<Analysis> run = WORKERS.submit(() -> {
            try {
                return book.analyze(file, settings, stop, log);
            } finally {
                if (!state.compareAndSet(RUNNING, DONE)) {
                    STRAGGLERS.decrementAndGet(); // a late run has ended
                }
            }
        });
        try {
            return run.get(budgetMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (!state.compareAndSet(RUNNING, LATE)) {
                return result(run); // it finished in the meantime
            }
            STRAGGLERS.incrementAndGet();
            run.cancel(true);
            // not an error of ArchLens: the file is pathological; the user sees the hint
            io.archlens.core.Log.warn("analysis of " + file.path() + " took longer than " + budgetMs
                    + " ms; reported as not analysed");
            return book.notAnalyzed(file, settings, String.format(
                    "File not analysed: analysis took longer than %.1f s (setting analysis-timeout-ms); the other files"
                            + " were analysed", budgetMs / 1000.0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (state.compareAndSet(RUNNING, LATE)) {
                STRAGGLERS.incrementAndGet();
            }
            run.cancel(true);
            return new Analysis(file, List.of(), null);
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    private static Analysis result(Future<Analysis> run) {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw rethrow(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private static RuntimeException rethrow(ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}
