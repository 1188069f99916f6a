package dev.parapet.judge;

/**
 * How often an ensemble asked its guard model.
 *
 * @param checks    contents checked
 * @param escalated contents whose cheap score fell in the uncertainty band, so the guard model was asked
 */
public record EscalationStats(long checks, long escalated) {

    /** The share of checks escalated, 0..1 (0 before any check). */
    public double fraction() {
        return checks == 0 ? 0.0 : (double) escalated / checks;
    }
}
