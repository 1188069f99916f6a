package dev.parapet.core.policy;

import dev.parapet.core.verdict.Action;

/**
 * What a policy does with one category: act once its score reaches the threshold.
 *
 * @param threshold score in 0..1 at or above which the category counts as flagged
 * @param action    what to do then
 */
public record Rule(double threshold, Action action) {

    public Rule {
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in 0..1, was " + threshold);
        }
        if (action == null) {
            throw new IllegalArgumentException("action is missing");
        }
    }

    public boolean reachedBy(double score) {
        return score >= threshold;
    }
}
