package dev.parapet.core.content;

import java.util.Locale;

/** Who wrote a piece of content. Decides which side of a policy applies. */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL;

    /** Input to the model (system, user, tool results) or output from it (assistant). */
    public Direction direction() {
        return this == ASSISTANT ? Direction.OUTPUT : Direction.INPUT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the OpenAI-style role names; {@code developer} is treated as {@code system}. */
    public static Role parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("role is missing");
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "system", "developer" -> SYSTEM;
            case "user" -> USER;
            case "assistant" -> ASSISTANT;
            case "tool", "function" -> TOOL;
            default -> throw new IllegalArgumentException(
                    "unknown role '" + name + "' (expected system, user, assistant or tool)");
        };
    }

    public enum Direction { INPUT, OUTPUT }
}
