package io.archlens.agent.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Stops calling a provider that keeps failing. After {@code threshold} consecutive failures (or at once for
 * an authentication or quota failure, which cannot heal by themselves) the breaker opens: calls fail fast
 * for {@code cooldown}, then one trial call is let through. The listener hears about each opening once, with
 * the reason, so the editor can tell the user.
 */
public final class CircuitBreaker {
    private final int threshold;
    private final Duration cooldown;
    private final Clock clock;
    private final Consumer<String> onOpen;
    private int consecutive;
    private long openUntil = -1;
    private String reason;
    /** Counts openings (and re-openings), so a review admitted earlier can tell that the breaker opened since. */
    private long openings;

    public CircuitBreaker(int threshold, Duration cooldown, Clock clock, Consumer<String> onOpen) {
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.clock = clock;
        this.onOpen = onOpen == null ? r -> { } : onOpen;
    }

    /** Throws {@link Failure#CIRCUIT_OPEN} while open; after the cooldown lets one trial call through. */
    public synchronized void check() throws ProviderException {
        if (openUntil < 0) {
            return;
        }
        if (clock.millis() >= openUntil) {
            openUntil = Long.MAX_VALUE; // half-open: this caller is the trial; others wait for its result
            return;
        }
        throw new ProviderException(Failure.CIRCUIT_OPEN, "agent calls are paused: " + reason);
    }

    /**
     * {@link #check()}, and a gate for the admitted review's later requests (its retries, a fallback request):
     * it closes as soon as the breaker opens, even after a failure of another review running at the same time.
     */
    public synchronized AttemptGate admit() throws ProviderException {
        check();
        long admittedAt = openings;
        return () -> stillAdmitted(admittedAt);
    }

    private synchronized void stillAdmitted(long admittedAt) throws ProviderException {
        if (openings != admittedAt) {
            throw new ProviderException(Failure.CIRCUIT_OPEN, "agent calls are paused: " + reason);
        }
    }

    public synchronized void success() {
        consecutive = 0;
        openUntil = -1;
        reason = null;
    }

    public void failure(ProviderException e) {
        if (!e.failure().countsTowardsBreaker()) {
            if (e.failure() == Failure.CANCELLED) {
                synchronized (this) {
                    if (openUntil == Long.MAX_VALUE) {
                        openUntil = clock.millis(); // the trial was cancelled: let the next call try
                    }
                }
            }
            return;
        }
        String announce = null;
        synchronized (this) {
            consecutive++;
            boolean fatal = e.failure() == Failure.AUTH || e.failure() == Failure.QUOTA;
            boolean wasOpen = openUntil >= 0;
            if (fatal || consecutive >= threshold || wasOpen) {
                openUntil = clock.millis() + cooldown.toMillis();
                openings++;
                reason = e.getMessage() + (fatal ? "" : " (" + consecutive + " failures in a row)");
                if (!wasOpen) {
                    announce = "ArchLens agent paused for " + cooldown.toMinutes() + " min: " + reason;
                }
            }
        }
        if (announce != null) {
            onOpen.accept(announce);
        }
    }

    public synchronized boolean isOpen() {
        return openUntil >= 0 && clock.millis() < openUntil;
    }

    public synchronized String reason() {
        return reason;
    }
}
