package io.archlens.agent.provider;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to retry and how long to wait: at most {@code maxRetries} retries of 408/409/429/5xx/529 and I/O
 * errors; the wait is the server's {@code retry-after-ms} or {@code Retry-After} (seconds or an HTTP date) when
 * given, else exponential backoff ({@code base * 2^attempt}) with jitter (a random 50-100% of that).
 */
public record RetryPolicy(int maxRetries, long baseDelayMs, long maxDelayMs, long maxRetryAfterMs,
        DoubleSupplier random, Clock clock) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(2, 1000, 20_000, 60_000, () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
    }

    public static boolean retryableStatus(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /** Backoff for retry number {@code attempt} (0-based) when the server gave no hint. */
    public long backoff(int attempt) {
        long exp = Math.min(maxDelayMs, baseDelayMs * (1L << Math.min(attempt, 20)));
        double factor = 0.5 + 0.5 * Math.max(0, Math.min(1, random.getAsDouble()));
        return Math.max(1, Math.round(exp * factor));
    }

    /**
     * The server's requested wait in milliseconds, or -1 when it gave none (or an unreadable one).
     */
    public long serverDelay(String retryAfterMs, String retryAfter) {
        if (retryAfterMs != null) {
            try {
                double ms = Double.parseDouble(retryAfterMs.trim());
                if (ms >= 0) {
                    return Math.round(ms);
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        if (retryAfter != null) {
            String v = retryAfter.trim();
            try {
                double s = Double.parseDouble(v);
                if (s >= 0) {
                    return Math.round(s * 1000);
                }
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Math.max(0, at.toInstant().toEpochMilli() - clock.millis());
                } catch (DateTimeParseException ignored) {
                    // unreadable
                }
            }
        }
        return -1;
    }
}
