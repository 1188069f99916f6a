package dev.parapet.openness.assess;

import dev.parapet.openness.license.LicenseKnowledge;
import dev.parapet.openness.model.Availability;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.IndexGrade;
import dev.parapet.openness.model.IndexParameter;
import dev.parapet.openness.model.ModelRelease;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the OSI Open Source AI Definition 1.0. A release passes when it provides (1) data information:
 * the training data released or at least described (data card, technical report or paper); (2) code: the
 * data-processing, training and inference code released under OSI-approved licences; (3) parameters: the final
 * weights downloadable; and (4) terms: the weights under terms that grant the four freedoms without use
 * restrictions (an OSI-approved or open licence, no acceptable-use policy or user cap).
 */
public final class OsaidAssessor {

    private static final List<ComponentType> CODE = List.of(ComponentType.DATA_PROCESSING_CODE,
            ComponentType.TRAINING_CODE, ComponentType.INFERENCE_CODE);

    private final LicenseKnowledge licenses;

    public OsaidAssessor(LicenseKnowledge licenses) {
        this.licenses = licenses;
    }

    public OsaidResult assess(ModelRelease r) {
        List<String> fails = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        boolean indexSaysOsi = indexLicensesOpen(r);

        // 1. Data information.
        boolean dataInfo = r.availability(ComponentType.TRAINING_DATA) != Availability.ABSENT
                && (r.availability(ComponentType.TRAINING_DATA).released()
                || r.availability(ComponentType.DATA_CARD) != Availability.ABSENT
                || r.availability(ComponentType.TECHNICAL_REPORT) != Availability.ABSENT
                || r.availability(ComponentType.RESEARCH_PAPER) != Availability.ABSENT
                || r.availability(ComponentType.TRAINING_DATA) == Availability.DESCRIBED);
        if (dataInfo) evidence.add("data information: training data is " + r.availability(ComponentType.TRAINING_DATA).id());
        else fails.add("data information: the training data is neither released nor described");

        // 2. Code under OSI-approved licences.
        List<String> codeProblems = new ArrayList<>();
        for (ComponentType t : CODE) {
            Component c = r.components().get(t);
            if (c == null || !c.availability().released()) {
                codeProblems.add(t.title() + " is not released");
                continue;
            }
            ResolvedLicense l = ResolvedLicense.of(r, c, licenses);
            if (!l.verdict().osiApproved() && !(l.text() == null && indexSaysOsi)) {
                codeProblems.add(t.title() + " is not under an OSI-approved licence ("
                        + (l.text() == null ? "none stated" : l.text()) + ")");
            }
        }
        if (codeProblems.isEmpty()) evidence.add("code: data-processing, training and inference code released under OSI-approved licences");
        else fails.add("code: " + String.join("; ", codeProblems));

        // 3. Parameters, 4. terms.
        Component w = r.components().get(ComponentType.WEIGHTS_FINAL);
        if (w == null || w.availability() != Availability.DOWNLOADABLE) {
            fails.add("parameters: the final weights are " + (w == null ? "absent" : w.availability().id())
                    + ", not freely downloadable");
        } else {
            evidence.add("parameters: final weights downloadable");
        }
        if (w != null && w.availability().released()) {
            ResolvedLicense l = ResolvedLicense.of(r, w, licenses);
            if (l.text() == null && !indexSaysOsi) {
                fails.add("OSI-approved terms: the weights have no licence");
            } else if (l.text() != null && (!l.verdict().open() || l.verdict().restrictsUse())) {
                fails.add("OSI-approved terms: the weights licence " + l.text() + " does not grant the four freedoms: "
                        + l.verdict().reason());
            } else {
                evidence.add("terms: weights under " + (l.text() == null ? "licences the index grades open" : l.text()));
            }
        }
        return fails.isEmpty() ? new OsaidResult(true, evidence) : new OsaidResult(false, fails);
    }

    private static boolean indexLicensesOpen(ModelRelease r) {
        IndexParameter p = r.indexParameters().get("licenses");
        if (p == null) p = r.indexParameters().get("license");
        return p != null && p.grade() == IndexGrade.OPEN;
    }
}
