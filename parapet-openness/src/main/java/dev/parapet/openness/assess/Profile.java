package dev.parapet.openness.assess;

import java.util.List;
import java.util.Map;

/**
 * The stack profile: openness per layer (0..1) and, per goal of openness, whether the release unlocks it and
 * which missing components block it.
 */
public record Profile(Map<String, Double> layers, Map<String, GoalResult> goals) {

    /** One goal: unlocked or not, and what blocks it. */
    public record GoalResult(String title, boolean unlocked, List<String> blockers) {
        public GoalResult {
            blockers = List.copyOf(blockers);
        }
    }
}
