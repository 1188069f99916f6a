package dev.parapet.agent.policy;

import dev.parapet.agent.Action;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tools an agent may use and on what terms. Immutable; load one with {@link ToolPolicyLoader}.
 *
 * @param source        where it was read from, for messages
 * @param tools         the rules by tool name
 * @param unknownTools  what happens to a call of a tool the policy does not name: block (default) or
 *                      require approval
 * @param riskThreshold accumulated injection risk above which the conversation counts as attacked
 * @param trustedValues values that are always grounded (the user's own account, address, domain)
 */
public record ToolPolicy(String source, Map<String, ToolRule> tools, Action unknownTools, double riskThreshold,
                         List<String> trustedValues) {

    /** Default risk threshold. */
    public static final double DEFAULT_RISK_THRESHOLD = 0.6;

    public ToolPolicy {
        Objects.requireNonNull(source, "source");
        tools = Map.copyOf(tools);
        Objects.requireNonNull(unknownTools, "unknownTools");
        if (unknownTools == Action.ALLOW) {
            throw new IllegalArgumentException("unknown tools can only be blocked or need approval");
        }
        if (!(riskThreshold > 0 && riskThreshold <= 1)) {
            throw new IllegalArgumentException("risk_threshold must be in (0, 1], was " + riskThreshold);
        }
        trustedValues = List.copyOf(trustedValues);
    }

    public Optional<ToolRule> tool(String name) {
        return Optional.ofNullable(tools.get(name));
    }
}
