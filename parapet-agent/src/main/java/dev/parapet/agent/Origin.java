package dev.parapet.agent;

import java.util.Objects;

/**
 * Where a value in the agent's context came from: the system prompt, the user, a tool's output or a
 * retrieved document. Only the system and the user are trusted; everything else may hold text written
 * by strangers.
 *
 * @param kind the kind of source
 * @param name the tool or document name; empty for system and user
 */
public record Origin(Kind kind, String name) {

    /** The kinds of source. */
    public enum Kind { SYSTEM, USER, TOOL, RETRIEVED }

    public static final Origin SYSTEM = new Origin(Kind.SYSTEM, "");
    public static final Origin USER = new Origin(Kind.USER, "");

    public Origin {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        if ((kind == Kind.TOOL || kind == Kind.RETRIEVED) && name.isBlank()) {
            throw new IllegalArgumentException(kind.name().toLowerCase() + " origin needs a name");
        }
    }

    public static Origin tool(String name) {
        return new Origin(Kind.TOOL, name);
    }

    public static Origin retrieved(String document) {
        return new Origin(Kind.RETRIEVED, document);
    }

    /** True for the system and the user, whose text the agent may act on. */
    public boolean trusted() {
        return kind == Kind.SYSTEM || kind == Kind.USER;
    }

    /** {@code system}, {@code user}, {@code tool:<name>} or {@code retrieved:<name>}. */
    @Override
    public String toString() {
        return switch (kind) {
            case SYSTEM -> "system";
            case USER -> "user";
            case TOOL -> "tool:" + name;
            case RETRIEVED -> "retrieved:" + name;
        };
    }
}
