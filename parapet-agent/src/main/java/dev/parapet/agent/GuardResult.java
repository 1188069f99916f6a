package dev.parapet.agent;

/**
 * A decision and the conversation context after the checked step, to pass to the next check.
 *
 * @param decision what the guard decided
 * @param context  the context with this step recorded (an allowed call, a scanned output)
 */
public record GuardResult(Decision decision, AgentContext context) {
}
