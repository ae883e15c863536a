package io.archlens.agent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A daily token allowance (UTC days). A call reserves its estimated input before it starts, so concurrent
 * calls cannot overshoot together; the reservation is replaced by the provider's reported usage afterwards.
 * A budget of 0 means no limit.
 */
public final class TokenBudget {
    private final long daily;
    private final Clock clock;
    private LocalDate day;
    private long used;
    private LocalDate announced;

    public TokenBudget(long daily, Clock clock) {
        this.daily = daily;
        this.clock = clock;
    }

    /** Reserves {@code estimate} tokens; false when that would exceed today's budget. */
    public synchronized boolean reserve(long estimate) {
        roll();
        if (daily > 0 && used + estimate > daily) {
            return false;
        }
        used += estimate;
        return true;
    }

    /** Replaces a reservation with the actual usage (0 releases it entirely). */
    public synchronized void settle(long reserved, long actual) {
        roll();
        used = Math.max(0, used - reserved + actual);
    }

    public synchronized long usedToday() {
        roll();
        return used;
    }

    public long daily() {
        return daily;
    }

    /** True once per day: whether the "budget spent" notice should be shown now. */
    public synchronized boolean shouldAnnounce() {
        roll();
        if (day.equals(announced)) {
            return false;
        }
        announced = day;
        return true;
    }

    private void roll() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
    }
}
