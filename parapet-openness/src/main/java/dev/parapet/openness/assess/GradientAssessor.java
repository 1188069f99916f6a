package dev.parapet.openness.assess;

import dev.parapet.openness.license.LicenseKnowledge;
import dev.parapet.openness.model.Availability;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.ModelRelease;

/**
 * Places a release on Solaiman's release gradient. Fully open: weights downloadable under an open licence, with
 * training data and training code released. Downloadable: weights can be downloaded (possibly gated or under a
 * restrictive licence). Cloud-based/API: only an API reaches the model. Hosted: only a product does. Fully
 * closed: nothing reaches the model. (A gradual or staged release is a matter of timing no record states.)
 */
public final class GradientAssessor {

    private final LicenseKnowledge licenses;

    public GradientAssessor(LicenseKnowledge licenses) {
        this.licenses = licenses;
    }

    public GradientResult assess(ModelRelease r) {
        Component w = r.components().get(ComponentType.WEIGHTS_FINAL);
        Availability wa = w == null ? Availability.ABSENT : w.availability();
        if (wa.released()) {
            boolean openLicense = ResolvedLicense.of(r, w, licenses).verdict().open()
                    && !ResolvedLicense.of(r, w, licenses).verdict().restrictsUse();
            boolean data = r.availability(ComponentType.TRAINING_DATA).released();
            boolean code = r.availability(ComponentType.TRAINING_CODE).released();
            if (wa == Availability.DOWNLOADABLE && openLicense && data && code) {
                return new GradientResult(Gradient.FULLY_OPEN,
                        "weights downloadable under an open licence, with training data and training code released");
            }
            StringBuilder why = new StringBuilder("weights ").append(wa == Availability.GATED ? "downloadable behind a gate" : "downloadable");
            if (!openLicense) why.append("; licence not open or restricts use");
            if (!data) why.append("; training data not released");
            if (!code) why.append("; training code not released");
            return new GradientResult(Gradient.DOWNLOADABLE, why.toString());
        }
        if (wa == Availability.API_ONLY || r.availability(ComponentType.API) != Availability.ABSENT) {
            return new GradientResult(Gradient.CLOUD_API, "the model is reachable through an API only");
        }
        if (r.availability(ComponentType.PRODUCT) != Availability.ABSENT) {
            return new GradientResult(Gradient.HOSTED, "the model is reachable through a hosted product only");
        }
        return new GradientResult(Gradient.FULLY_CLOSED, "neither weights, API nor product reach the model");
    }
}
