package dev.parapet.openness.assess;

import dev.parapet.openness.license.LicenseKnowledge;
import dev.parapet.openness.license.NormalizedLicense;
import dev.parapet.openness.license.TypeAppropriateLicenses;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.ModelRelease;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies a release under the Model Openness Framework as the Model Openness Tool does. Classes are
 * cumulative (Class II needs everything Class III needs, Class I everything Class II needs) and gated (progress
 * towards a class counts only once the class below is met). A component counts when it is included and its
 * licence (own, else the release's licence for its type, else the distribution licence) is open: OSI-approved,
 * FSF-libre, or an open-content licence. A research paper stands in for a missing technical report in Classes
 * III and II; in Class I, where the paper itself is required, the technical report becomes optional.
 *
 * <p>In {@link Mode#TOOL} licences are compared exactly as written, as the tool does, so "Apache 2.0" or
 * "Apache-2.0 OR MIT" count as closed. In {@link Mode#NORMALIZED} Parapet's licence knowledge repairs free text
 * and understands SPDX expressions first.
 */
public final class MofAssessor {

    /** How licence texts are read. */
    public enum Mode { TOOL, NORMALIZED }

    private final LicenseKnowledge licenses;
    private final Mode mode;

    public MofAssessor(LicenseKnowledge licenses, Mode mode) {
        this.licenses = licenses;
        this.mode = mode;
    }

    public MofResult assess(ModelRelease r) {
        Map<ComponentType, MofResult.Check> checks = new EnumMap<>(ComponentType.class);
        for (ComponentType t : ComponentType.values()) {
            if (t.inMof()) checks.put(t, check(r, t));
        }
        Map<String, Double> progress = new LinkedHashMap<>();
        int cls = 0;
        boolean gate = true;
        for (int k = 3; k >= 1; k--) {
            int total = 0;
            int met = 0;
            for (MofResult.Check c : checks.values()) {
                if (!c.required() || c.mofClass() < k) continue;
                total++;
                if (c.open()) {
                    met++;
                } else if (c.type() == ComponentType.TECHNICAL_REPORT && checks.get(ComponentType.RESEARCH_PAPER).open()) {
                    if (k == 1) total--; // the paper is required here itself: the report becomes optional
                    else met++;          // the paper stands in for the report
                }
            }
            double p = gate ? (double) met / total * 100 : 0.0; // the tool's order of operations, for identical doubles
            progress.put(String.valueOf(k), p);
            if (gate && met == total) cls = k;
            else gate = false;
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String k : new String[] {"1", "2", "3"}) ordered.put(k, progress.get(k));
        return new MofResult(cls, ordered, List.copyOf(checks.values()), mode == Mode.TOOL ? "tool" : "normalized");
    }

    private MofResult.Check check(ModelRelease r, ComponentType t) {
        Component c = r.components().get(t);
        boolean included = c != null && c.availability().released();
        if (c == null) {
            return new MofResult.Check(t, t.mofClass(), t.mofRequired(), false, null, "none", false, false, "not included");
        }
        String[] ts = ResolvedLicense.textAndSource(r, c);
        String text = ts[0];
        boolean open;
        boolean fits;
        String reason;
        String shown = text;
        if (mode == Mode.TOOL) {
            open = included && licenses.isOpenExactId(text);
            fits = open && TypeAppropriateLicenses.fits(text, t.contentType());
            reason = !included ? "not included" : text == null ? "no licence"
                    : open ? text + " is an open licence" : "'" + text + "' is not an open SPDX licence id";
        } else {
            NormalizedLicense n = licenses.normalize(text);
            var verdict = n.expression().map(licenses::verdict);
            open = included && verdict.map(v -> v.open()).orElse(false);
            shown = n.resolved() ? n.canonical() : text;
            fits = open && TypeAppropriateLicenses.fits(shown, t.contentType());
            reason = !included ? "not included" : verdict.map(v -> v.reason()).orElse(n.note());
            if (n.kind() == NormalizedLicense.Kind.REPAIRED) reason = n.note() + "; " + reason;
        }
        if (open && !fits) reason += " (open, but not the kind of licence the MOF recommends for " + t.contentType().id() + ")";
        return new MofResult.Check(t, t.mofClass(), t.mofRequired(), included, shown, ts[1], open, fits, reason);
    }

    /** The components whose verdict differs between two results, for explaining a class change. */
    public static List<String> differences(MofResult tool, MofResult normalized) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tool.components().size(); i++) {
            MofResult.Check a = tool.components().get(i);
            MofResult.Check b = normalized.components().get(i);
            if (a.open() != b.open()) {
                out.add(a.type().title() + ": " + (b.open() ? "open after repair" : "closed after repair") + " — " + b.reason());
            }
        }
        return out;
    }
}
