package io.archlens.agent.provider;

import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;

/**
 * Cancels one review: aborts the HTTP call in flight and wakes a backoff sleep. Cancelling is idempotent
 * and may happen from any thread. Gates added with {@link #gate} are checked before every request of the review.
 */
public final class CancelToken {
    private final List<Runnable> onCancel = new ArrayList<>();
    private boolean cancelled;
    private Call call;
    private AttemptGate gate = AttemptGate.OPEN;

    public static CancelToken none() {
        return new CancelToken();
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        List<Runnable> run;
        Call c;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            c = call;
            run = new ArrayList<>(onCancel);
            notifyAll();
        }
        if (c != null) {
            c.cancel();
        }
        run.forEach(Runnable::run);
    }

    /** Runs {@code r} when cancelled (immediately when already cancelled). */
    public void onCancel(Runnable r) {
        synchronized (this) {
            if (!cancelled) {
                onCancel.add(r);
                return;
            }
        }
        r.run();
    }

    /** Attaches the call in flight; a call attached after cancellation is cancelled at once. */
    void attach(Call c) {
        boolean now;
        synchronized (this) {
            call = c;
            now = cancelled;
        }
        if (now) {
            c.cancel();
        }
    }

    /** Waits up to {@code millis}; returns early (true) when cancelled. */
    synchronized boolean await(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!cancelled) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return true;
    }

    /** Adds a condition checked before every request of this review ({@link #beforeAttempt}). */
    public synchronized void gate(AttemptGate g) {
        AttemptGate before = gate;
        gate = () -> {
            before.check();
            g.check();
        };
    }

    /** Throws when cancelled or when a gate closed: no request may be sent now. */
    void beforeAttempt() throws ProviderException {
        throwIfCancelled();
        AttemptGate g;
        synchronized (this) {
            g = gate;
        }
        g.check();
    }

    void throwIfCancelled() throws ProviderException {
        if (isCancelled()) {
            throw new ProviderException(Failure.CANCELLED, "cancelled");
        }
    }
}
