package dev.parapet.openness.assess;

import dev.parapet.openness.model.ComponentType;

import java.util.List;
import java.util.Map;

/**
 * A Model Openness Framework classification.
 *
 * @param mofClass   1, 2 or 3; 0 when unclassified
 * @param progress   percent of each class's cumulative components met, keyed "1", "2", "3"; a class's progress
 *                   is 0 until the class below it (III before II before I) is met, as the tool shows it
 * @param components one check per MOF component, for the explanation
 * @param mode       "tool" (the Model Openness Tool's reading) or "normalized" (Parapet's licence repair)
 */
public record MofResult(int mofClass, Map<String, Double> progress, List<Check> components, String mode) {

    /** One component's part in the classification. */
    public record Check(ComponentType type, int mofClass, boolean required, boolean included, String license,
                        String licenseSource, boolean open, boolean typeAppropriate, String reason) {
    }

    public String label() {
        return switch (mofClass) {
            case 1 -> "Class I - Open Science Model";
            case 2 -> "Class II - Open Tooling Model";
            case 3 -> "Class III - Open Model";
            default -> "Unclassified";
        };
    }
}
