package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

/**
 * Checks a scan's deadline once every {@link Chars#CHECK_EVERY} chars, so a long text stays within its
 * budget without a clock read per char. One per scan; not thread-safe.
 */
final class Pacer {

    private final Deadline deadline;
    private int next = Chars.CHECK_EVERY;

    Pacer(Deadline deadline) {
        this.deadline = deadline;
    }

    /** Called with the scan's position; throws when the deadline has passed. */
    void at(int position) {
        if (position >= next) {
            deadline.check();
            next = position + Chars.CHECK_EVERY;
        }
    }
}
