package dev.parapet.core.detect;

import java.time.Duration;

/**
 * A point in time by which a detector must finish. Detectors with loops over long input call
 * {@link #check()} now and then (cooperative cancellation, as Lucene's query timeouts do), so a budget
 * is enforced without killing threads.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    private final long expiresAtNanos;

    private Deadline(long expiresAtNanos) {
        this.expiresAtNanos = expiresAtNanos;
    }

    public static Deadline none() {
        return NONE;
    }

    public static Deadline after(Duration budget) {
        long now = System.nanoTime();
        long nanos = budget.toNanos();
        return new Deadline(nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos);
    }

    public boolean expired() {
        return expiresAtNanos != Long.MAX_VALUE && System.nanoTime() - expiresAtNanos > 0;
    }

    /** Remaining time, zero when expired. */
    public Duration remaining() {
        if (expiresAtNanos == Long.MAX_VALUE) {
            return Duration.ofDays(365);
        }
        return Duration.ofNanos(Math.max(0, expiresAtNanos - System.nanoTime()));
    }

    /** Throws {@link DetectorTimeoutException} when the deadline has passed. */
    public void check() {
        if (expired()) {
            throw new DetectorTimeoutException("time budget exhausted");
        }
    }
}
