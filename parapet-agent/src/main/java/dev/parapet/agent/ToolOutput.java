package dev.parapet.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * Text that enters the agent's context from outside: a tool's result or a retrieved document.
 *
 * @param origin where it came from (a tool or a document; never the user)
 * @param text   the text, as the model will read it
 * @param call   the call that produced it, when known: a result of a call whose arguments the user
 *               named (the file, the page, the sender) is data the user pointed at
 */
public record ToolOutput(Origin origin, String text, Optional<ToolCall> call) {

    public ToolOutput {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
        call = call == null ? Optional.empty() : call;
        if (origin.trusted()) {
            throw new IllegalArgumentException("a tool output cannot have origin " + origin);
        }
    }

    /** The result of {@code call}. */
    public static ToolOutput of(ToolCall call, String text) {
        return new ToolOutput(Origin.tool(call.name()), text, Optional.of(call));
    }

    /** The result of a tool whose call is not known. */
    public static ToolOutput of(String tool, String text) {
        return new ToolOutput(Origin.tool(tool), text, Optional.empty());
    }

    /** A retrieved document. */
    public static ToolOutput retrieved(String document, String text) {
        return new ToolOutput(Origin.retrieved(document), text, Optional.empty());
    }
}
