package dev.parapet.openness.assess;

import dev.parapet.openness.license.AiLicense;
import dev.parapet.openness.license.LicenseKnowledge;
import dev.parapet.openness.model.Availability;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.IndexGrade;
import dev.parapet.openness.model.IndexParameter;
import dev.parapet.openness.model.ModelRelease;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that none of the frameworks makes: weights released without a licence, "open source" claimed under a
 * licence with use restrictions, training data marked downloadable without a location, a fine-tune whose
 * declared licence ignores restrictions its base model's licence passes on, and an index grading licences open
 * while the end-model licence restricts use.
 */
public final class ConsistencyChecker {

    /** Base-model name fragments and the licence those families ship under (most specific first). */
    private static final String[][] BASE_FAMILIES = {
            {"llama-4", "llama4"}, {"llama4", "llama4"}, {"llama-3.3", "llama3.3"}, {"llama3.3", "llama3.3"},
            {"llama-3.2", "llama3.2"}, {"llama3.2", "llama3.2"}, {"llama-3.1", "llama3.1"}, {"llama3.1", "llama3.1"},
            {"llama-3", "llama3"}, {"llama3", "llama3"}, {"llama 3", "llama3"}, {"llama-2", "llama2"},
            {"llama2", "llama2"}, {"llama 2", "llama2"}, {"gemma", "gemma"}, {"falcon-180b", "falcon-tii"},
            {"bloom", "bigscience-bloom-rail-1.0"}, {"starcoder", "bigcode-openrail-m"},
            {"stable-diffusion", "creativeml-openrail-m"}};

    private final LicenseKnowledge licenses;

    public ConsistencyChecker(LicenseKnowledge licenses) {
        this.licenses = licenses;
    }

    public List<String> check(ModelRelease r) {
        List<String> out = new ArrayList<>();
        Component w = r.components().get(ComponentType.WEIGHTS_FINAL);
        ResolvedLicense wl = w == null ? null : ResolvedLicense.of(r, w, licenses);
        if (w != null && w.availability().released() && wl.text() == null && r.indexParameters().isEmpty()) {
            out.add("weights are released but no licence covers them");
        }
        if (r.claimsOpenSource()) {
            for (Component c : r.components().values()) {
                if (!c.availability().released()) continue;
                ResolvedLicense l = ResolvedLicense.of(r, c, licenses);
                if (l.verdict().restrictsUse()) {
                    out.add("claims to be open source, but " + c.type().title() + " is under " + l.text()
                            + ", which restricts use (" + String.join("; ", l.verdict().aiLicenses().get(0).restrictions()) + ")");
                    break;
                }
            }
        }
        Component data = r.components().get(ComponentType.TRAINING_DATA);
        if (data != null && data.availability() == Availability.DOWNLOADABLE && data.location().isBlank()) {
            out.add("training data is marked downloadable but no location is given");
        }
        baseModelLicense(r).ifPresent(base -> {
            if (wl != null && wl.text() != null && base.propagates()
                    && wl.verdict().aiLicenses().stream().noneMatch(a -> a.id().equals(base.id()))) {
                out.add("built on " + r.baseModel() + ", whose licence (" + base.name() + ") passes its restrictions on to "
                        + "derivatives, but the weights declare " + wl.text());
            }
        });
        IndexParameter lp = r.indexParameters().get("licenses");
        if (lp != null && lp.grade() == IndexGrade.OPEN && wl != null && wl.text() != null && wl.verdict().restrictsUse()) {
            out.add("the index grades licences open, but the end-model licence " + wl.text() + " restricts use");
        }
        return out;
    }

    private Optional<AiLicense> baseModelLicense(ModelRelease r) {
        String base = r.baseModel().toLowerCase(Locale.ROOT);
        if (base.isBlank() || base.equalsIgnoreCase(r.name())) return Optional.empty();
        for (String[] f : BASE_FAMILIES) {
            if (base.contains(f[0])) return licenses.aiLicenses().find(f[1]);
        }
        return Optional.empty();
    }
}
