package dev.parapet.agent.policy;

/**
 * How often a tool may be called.
 *
 * @param maxCalls most allowed calls of the tool in one conversation
 */
public record RateLimit(int maxCalls) {

    public RateLimit {
        if (maxCalls < 1) {
            throw new IllegalArgumentException("max_calls must be at least 1, was " + maxCalls);
        }
    }
}
