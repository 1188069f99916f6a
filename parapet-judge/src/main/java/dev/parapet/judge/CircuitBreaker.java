package dev.parapet.judge;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calling a guard server that keeps failing: after {@code threshold} consecutive failed checks the circuit
 * opens and checks fail at once for {@code openFor}; then one trial check is let through (half-open), which closes
 * the circuit on success or opens it again on failure. Thread-safe.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openForNanos;
    private final LongSupplier nanoTime;

    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor, LongSupplier nanoTime) {
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** True when a call may go ahead; the caller then reports {@link #onSuccess}, {@link #onFailure} or {@link #onAbandon}. */
    synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoTime.getAsLong() - openedAt < openForNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    synchronized void onFailure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = nanoTime.getAsLong();
        }
        trialInFlight = false;
    }

    /** The call ended for a reason that says nothing about the server (the caller's budget ran out). */
    synchronized void onAbandon() {
        trialInFlight = false;
    }

    synchronized State state() {
        return state;
    }

    synchronized int consecutiveFailures() {
        return failures;
    }

    /** Time until an open circuit lets a trial through; zero otherwise. */
    synchronized Duration retryIn() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, openForNanos - (nanoTime.getAsLong() - openedAt)));
    }
}
