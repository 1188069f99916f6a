package dev.parapet.openness.assess;

import dev.parapet.openness.license.LicenseKnowledge;
import dev.parapet.openness.model.Availability;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.Layer;
import dev.parapet.openness.model.ModelRelease;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.parapet.openness.model.ComponentType.*;

/**
 * Computes the stack profile. A component scores 1 when downloadable under an open licence, 0.5 when released
 * otherwise (gated, or under a restrictive or unknown licence), 0.25 when only described or reachable through
 * an API, 0 when absent; a layer's openness is the mean over its components. Each goal lists the components it
 * needs and how far each must be opened (described, released, or open).
 */
public final class ProfileAssessor {

    /** How far a component must be opened for a goal. */
    enum Need { DESCRIBED, RELEASED, OPEN }

    private record Requirement(List<ComponentType> anyOf, Need need) {
    }

    private static final Map<Goal, List<Requirement>> GOALS = new LinkedHashMap<>();

    static {
        GOALS.put(Goal.RESEARCH_REPRODUCIBILITY, List.of(
                r(Need.RELEASED, TRAINING_DATA), r(Need.OPEN, DATA_PROCESSING_CODE), r(Need.OPEN, TRAINING_CODE),
                r(Need.RELEASED, ARCHITECTURE), r(Need.RELEASED, WEIGHTS_FINAL), r(Need.RELEASED, EVALUATION_CODE),
                r(Need.RELEASED, EVALUATION_DATA), r(Need.DESCRIBED, TECHNICAL_REPORT, RESEARCH_PAPER)));
        GOALS.put(Goal.ADAPTATION_INNOVATION, List.of(
                r(Need.OPEN, WEIGHTS_FINAL), r(Need.RELEASED, INFERENCE_CODE), r(Need.DESCRIBED, MODEL_CARD)));
        GOALS.put(Goal.AUDIT_ACCOUNTABILITY, List.of(
                r(Need.DESCRIBED, TRAINING_DATA), r(Need.DESCRIBED, DATA_CARD, TECHNICAL_REPORT),
                r(Need.DESCRIBED, MODEL_CARD), r(Need.DESCRIBED, EVALUATION_RESULTS),
                r(Need.DESCRIBED, TECHNICAL_REPORT, RESEARCH_PAPER)));
        GOALS.put(Goal.SAFETY_RESEARCH, List.of(
                r(Need.RELEASED, WEIGHTS_FINAL), r(Need.RELEASED, EVALUATION_CODE), r(Need.RELEASED, EVALUATION_DATA),
                r(Need.DESCRIBED, TRAINING_DATA), r(Need.DESCRIBED, MODEL_CARD)));
        GOALS.put(Goal.END_USER_AGENCY, List.of(
                r(Need.DESCRIBED, USAGE_POLICY), r(Need.DESCRIBED, MODEL_CARD),
                r(Need.RELEASED, WEIGHTS_FINAL, API), r(Need.DESCRIBED, SAFETY_CLASSIFIERS, USAGE_POLICY)));
    }

    private static Requirement r(Need need, ComponentType... anyOf) {
        return new Requirement(List.of(anyOf), need);
    }

    private final LicenseKnowledge licenses;

    public ProfileAssessor(LicenseKnowledge licenses) {
        this.licenses = licenses;
    }

    public Profile assess(ModelRelease r) {
        Map<String, Double> layers = new LinkedHashMap<>();
        for (Layer layer : Layer.values()) {
            double sum = 0;
            int n = 0;
            for (ComponentType t : ComponentType.values()) {
                if (t.layer() != layer) continue;
                if (layer != Layer.SYSTEM && !t.mofRequired()) continue;
                sum += score(r, t);
                n++;
            }
            layers.put(layer.id(), n == 0 ? 0 : sum / n);
        }
        Map<String, Profile.GoalResult> goals = new LinkedHashMap<>();
        for (Map.Entry<Goal, List<Requirement>> g : GOALS.entrySet()) {
            List<String> blockers = new ArrayList<>();
            for (Requirement req : g.getValue()) {
                boolean met = req.anyOf().stream().anyMatch(t -> meets(r, t, req.need()));
                if (!met) {
                    blockers.add(String.join(" or ", req.anyOf().stream().map(ComponentType::title).toList())
                            + " must be " + req.need().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            goals.put(g.getKey().id(), new Profile.GoalResult(g.getKey().title(), blockers.isEmpty(), blockers));
        }
        return new Profile(layers, goals);
    }

    private double score(ModelRelease r, ComponentType t) {
        Component c = r.components().get(t);
        if (c == null) return 0;
        return switch (c.availability()) {
            case ABSENT -> 0;
            case DESCRIBED, API_ONLY -> 0.25;
            case GATED -> 0.5;
            case DOWNLOADABLE -> open(r, c) ? 1 : 0.5;
        };
    }

    private boolean meets(ModelRelease r, ComponentType t, Need need) {
        Component c = r.components().get(t);
        if (c == null || c.availability() == Availability.ABSENT) return false;
        return switch (need) {
            case DESCRIBED -> true;
            case RELEASED -> c.availability().released() || (t == API && c.availability() == Availability.API_ONLY);
            case OPEN -> c.availability().released() && open(r, c);
        };
    }

    private boolean open(ModelRelease r, Component c) {
        var v = ResolvedLicense.of(r, c, licenses).verdict();
        return v.open() && !v.restrictsUse();
    }
}
