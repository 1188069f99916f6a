package dev.parapet.core.policy;

import dev.parapet.core.content.Role;
import dev.parapet.core.verdict.Action;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what findings mean: which categories count, at which threshold, with which action, for input
 * (system, user, tool) and output (assistant). Immutable; load one with {@link PolicyLoader}.
 *
 * @param id              a stable name
 * @param version         the version, recorded in every verdict
 * @param description     for people
 * @param input           rules for content going into the model, by category (absent = not checked)
 * @param output          rules for content coming out of the model, by category
 * @param allowTerms      terms whose occurrences are never reported (e.g. a town called Scunthorpe)
 * @param denyTerms       terms always reported under their category
 * @param failMode        what a detector failure means
 * @param detectorBudget  default time budget per detector
 * @param budgets         per-detector budgets overriding the default
 */
public record Policy(String id, String version, String description, Map<String, Rule> input,
                     Map<String, Rule> output, List<String> allowTerms, List<TermRule> denyTerms,
                     FailMode failMode, Duration detectorBudget, Map<String, Duration> budgets) {

    /** Category under which deny-list terms are reported unless a term names another. */
    public static final String DENY_LIST = "deny_list";

    public Policy {
        input = Map.copyOf(input);
        output = Map.copyOf(output);
        allowTerms = List.copyOf(allowTerms);
        denyTerms = List.copyOf(denyTerms);
        budgets = Map.copyOf(budgets);
        if (detectorBudget.isNegative() || detectorBudget.isZero()) {
            throw new IllegalArgumentException("detector budget must be positive");
        }
    }

    /** The rule for a category on a role's side, or empty when the category is not checked there. */
    public Optional<Rule> rule(String category, Role role) {
        return Optional.ofNullable(rules(role).get(category));
    }

    public Map<String, Rule> rules(Role role) {
        return role.direction() == Role.Direction.OUTPUT ? output : input;
    }

    /** Categories checked on a role's side. */
    public Set<String> enabled(Role role) {
        return rules(role).keySet();
    }

    /** The strictest action any enabled category can lead to on a role's side. */
    public Action strictestAction(Role role) {
        Action a = Action.ALLOW;
        for (Rule r : rules(role).values()) {
            a = Action.strictest(a, r.action());
        }
        return failMode == FailMode.CLOSED ? Action.strictest(a, Action.BLOCK) : a;
    }

    public Duration budget(String detectorId) {
        return budgets.getOrDefault(detectorId, detectorBudget);
    }

    /** The built-in default policy (see {@code default-policy.yaml}). */
    public static Policy defaultPolicy() {
        return PolicyLoader.builtInDefault();
    }
}
