package dev.parapet.agent.spotlight;

import java.util.Objects;

/**
 * Untrusted text ready for a prompt.
 *
 * @param text        the marked text, to put where the data goes
 * @param instruction what to add to the system prompt for this call, so the model reads the marking
 */
public record Spotlighted(String text, String instruction) {

    public Spotlighted {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(instruction, "instruction");
    }
}
