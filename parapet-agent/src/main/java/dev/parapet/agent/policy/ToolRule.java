package dev.parapet.agent.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the policy says about one tool.
 *
 * @param name         the tool's name, as the agent calls it
 * @param capabilities what it can do
 * @param arguments    constraints per argument
 * @param strict       whether arguments the policy does not name are refused
 * @param approval     when a call needs a person's approval
 * @param rateLimit    how often it may be called
 * @param intents      what a user's request must mention for the tool to be part of it: each intent is
 *                     one or more words that must all occur (as words or word starts) in the request
 */
public record ToolRule(String name, Set<Capability> capabilities, Map<String, ArgumentRule> arguments,
                       boolean strict, Approval approval, Optional<RateLimit> rateLimit, List<String> intents) {

    public ToolRule {
        Objects.requireNonNull(name, "name");
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        arguments = Map.copyOf(arguments);
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(rateLimit, "rateLimit");
        intents = List.copyOf(intents);
    }

    /** True when any capability changes the world or moves data out. */
    public boolean sideEffecting() {
        for (Capability c : capabilities) {
            if (c.sideEffecting()) {
                return true;
            }
        }
        return false;
    }

    /** The rule for an argument, or an unconstrained one when the policy does not name it. */
    public ArgumentRule argument(String name) {
        ArgumentRule r = arguments.get(name);
        return r != null ? r : ArgumentRule.free(name);
    }
}
