package dev.parapet.eval.run;

import java.util.Map;
import java.util.Set;

/**
 * What a filter said about one text.
 *
 * @param scores   per canonical category, the filter's score 0..1 (absent = 0)
 * @param flagged  categories that reached the filter's own decision threshold
 * @param failed   true when part of the filter failed on this text (a detector error or timeout)
 */
public record Judgement(Map<String, Double> scores, Set<String> flagged, boolean failed) {

    public Judgement {
        scores = Map.copyOf(scores);
        flagged = Set.copyOf(flagged);
    }
}
