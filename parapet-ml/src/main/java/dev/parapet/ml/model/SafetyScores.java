package dev.parapet.ml.model;

import java.util.Map;

/**
 * What a classifier says about one text.
 *
 * @param unsafe     calibrated probability that the text is unsafe (0..1)
 * @param categories for each canonical category, its probability given that the text is unsafe (sums to 1)
 */
public record SafetyScores(double unsafe, Map<String, Double> categories) {

    public SafetyScores {
        categories = Map.copyOf(categories);
    }

    /** The most likely category given unsafe, or empty when the model has none. */
    public String topCategory() {
        String best = "";
        double p = -1;
        for (var e : categories.entrySet()) {
            if (e.getValue() > p || (e.getValue() == p && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                p = e.getValue();
            }
        }
        return best;
    }
}
