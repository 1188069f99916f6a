package dev.parapet.core.verdict;

import dev.parapet.core.finding.Finding;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of checking one content under one policy.
 *
 * @param action             what to do
 * @param categories         per canonical category, the highest score any detector gave (only
 *                           categories with a finding appear)
 * @param flaggedCategories  categories whose score reached the policy's threshold
 * @param findings           every finding, in order of position
 * @param redactedText       the text with redacted spans replaced, present when the action is
 *                           {@link Action#REDACT}
 * @param reasons            short sentences saying why, for people
 * @param failures           detectors that failed or timed out
 * @param policyId           the policy's id
 * @param policyVersion      the policy's version
 * @param elapsed            time spent checking
 */
public record Verdict(Action action, Map<String, Double> categories, Set<String> flaggedCategories,
                      List<Finding> findings, Optional<String> redactedText, List<String> reasons,
                      List<DetectorFailure> failures, String policyId, String policyVersion,
                      Duration elapsed) {

    public Verdict {
        categories = Map.copyOf(categories);
        flaggedCategories = Set.copyOf(flaggedCategories);
        findings = List.copyOf(findings);
        redactedText = redactedText == null ? Optional.empty() : redactedText;
        reasons = List.copyOf(reasons);
        failures = List.copyOf(failures);
    }

    /** True when any category reached its threshold or the action is stricter than allow. */
    public boolean flagged() {
        return action != Action.ALLOW || !flaggedCategories.isEmpty();
    }

    public double score(String category) {
        return categories.getOrDefault(category, 0.0);
    }
}
