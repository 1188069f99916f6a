package dev.parapet.openness.assess;

import java.util.List;

/**
 * The OSI Open Source AI Definition 1.0 verdict: pass, or fail with the requirements that are not met.
 *
 * @param pass    every requirement is met
 * @param reasons one line per failing requirement (data information, code, parameters, OSI-approved terms);
 *                for a pass, the evidence
 */
public record OsaidResult(boolean pass, List<String> reasons) {
    public OsaidResult {
        reasons = List.copyOf(reasons);
    }
}
