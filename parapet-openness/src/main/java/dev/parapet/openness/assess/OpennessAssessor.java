package dev.parapet.openness.assess;

import dev.parapet.openness.license.LicenseKnowledge;
import dev.parapet.openness.license.NormalizedLicense;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.Issue;
import dev.parapet.openness.model.ModelRelease;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs every assessor on a release. Immutable and thread-safe. */
public final class OpennessAssessor {

    private final LicenseKnowledge licenses;
    private final MofAssessor mofTool;
    private final MofAssessor mofNormalized;
    private final OsaidAssessor osaid;
    private final OsaiScorer osai = new OsaiScorer();
    private final GradientAssessor gradient;
    private final ProfileAssessor profile;
    private final ConsistencyChecker consistency;
    private final FmtiTable fmti;

    /** @param fmti transparency-index scores to show beside results, or null */
    public OpennessAssessor(LicenseKnowledge licenses, FmtiTable fmti) {
        this.licenses = licenses;
        this.mofTool = new MofAssessor(licenses, MofAssessor.Mode.TOOL);
        this.mofNormalized = new MofAssessor(licenses, MofAssessor.Mode.NORMALIZED);
        this.osaid = new OsaidAssessor(licenses);
        this.gradient = new GradientAssessor(licenses);
        this.profile = new ProfileAssessor(licenses);
        this.consistency = new ConsistencyChecker(licenses);
        this.fmti = fmti;
    }

    public Assessment assess(ModelRelease r) {
        MofResult tool = mofTool.assess(r);
        MofResult normalized = mofNormalized.assess(r);
        List<String> changes = tool.mofClass() == normalized.mofClass()
                && tool.progress().equals(normalized.progress()) ? List.of() : MofAssessor.differences(tool, normalized);
        return new Assessment(r, tool, normalized, changes, osaid.assess(r), osai.assess(r), gradient.assess(r),
                profile.assess(r), consistency.check(r), warnings(r),
                fmti == null ? Optional.empty() : fmti.lookup(r.producer()));
    }

    private List<String> warnings(ModelRelease r) {
        Set<String> out = new LinkedHashSet<>();
        for (Issue i : r.issues()) out.add(i.toString());
        List<String> texts = new ArrayList<>();
        for (Component c : r.components().values()) {
            if (c.license() != null) texts.add(c.license());
        }
        r.globalLicenses().distributionLicense().ifPresent(texts::add);
        for (String t : texts) {
            NormalizedLicense n = licenses.normalize(t);
            if (n.kind() == NormalizedLicense.Kind.REPAIRED) {
                out.add("licence repaired (confidence " + n.confidence() + "): " + n.note());
            } else if (n.kind() == NormalizedLicense.Kind.UNKNOWN) {
                out.add("licence not understood: " + n.note());
            }
        }
        return List.copyOf(out);
    }
}
