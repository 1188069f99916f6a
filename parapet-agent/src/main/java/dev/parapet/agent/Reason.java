package dev.parapet.agent;

import java.util.Objects;

/**
 * Why the guard decided as it did.
 *
 * @param code     a stable code, e.g. {@code unknown_tool}, {@code injected_value}, {@code out_of_scope}
 * @param action   the action this reason alone asks for
 * @param tool     the tool concerned
 * @param argument the argument concerned, or empty
 * @param origin   where the value came from (e.g. {@code tool:read_file}), or empty
 * @param message  one sentence for people
 */
public record Reason(String code, Action action, String tool, String argument, String origin, String message) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(action, "action");
        tool = tool == null ? "" : tool;
        argument = argument == null ? "" : argument;
        origin = origin == null ? "" : origin;
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return action.wireName() + " [" + code + "] " + message;
    }
}
