package dev.parapet.openness.assess;

import dev.parapet.openness.license.LicenseKnowledge;
import dev.parapet.openness.license.LicenseVerdict;
import dev.parapet.openness.license.NormalizedLicense;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ModelRelease;

/**
 * The licence that applies to a component and where it came from: the component's own, the release's licence
 * for that content type, or the distribution licence (the MOF's order), interpreted by licence knowledge.
 *
 * @param text       the licence text as written, or null when none applies
 * @param source     "component", "global-code" / "global-data" / "global-document", "distribution" or "none"
 * @param normalized the interpretation
 * @param verdict    what it means for openness
 */
public record ResolvedLicense(String text, String source, NormalizedLicense normalized, LicenseVerdict verdict) {

    /** The licence text that applies to a component, MOF order. Null when none. */
    static String[] textAndSource(ModelRelease r, Component c) {
        if (c.license() != null) return new String[] {c.license(), "component"};
        var typed = r.globalLicenses().forType(c.type().contentType());
        if (typed.isPresent()) return new String[] {typed.get(), "global-" + c.type().contentType().id()};
        var dist = r.globalLicenses().distributionLicense();
        return dist.map(d -> new String[] {d, "distribution"}).orElse(new String[] {null, "none"});
    }

    static ResolvedLicense of(ModelRelease r, Component c, LicenseKnowledge k) {
        String[] ts = textAndSource(r, c);
        NormalizedLicense n = k.normalize(ts[0]);
        LicenseVerdict v = n.expression().map(k::verdict).orElseGet(() -> LicenseVerdict.none(n.note()));
        return new ResolvedLicense(ts[0], ts[1], n, v);
    }
}
