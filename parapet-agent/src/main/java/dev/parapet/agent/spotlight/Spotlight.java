package dev.parapet.agent.spotlight;

/**
 * Marks untrusted text (a tool result, a web page, an e-mail) before it enters a prompt, so that the model can
 * tell data from instructions (Hines et al. 2024, "Defending Against Indirect Prompt Injection Attacks With
 * Spotlighting"). Each call returns the marked text together with the system-prompt instruction that explains
 * the marking to the model; per-call random markers mean that the data cannot forge them. Implementations are
 * immutable and thread-safe.
 */
public sealed interface Spotlight permits Delimiting, Datamarking, Base64Encoding {

    /**
     * Marks one piece of untrusted text.
     *
     * @param untrusted the text as it came from its source (never null)
     * @return the text to put in the prompt and the instruction to put in the system prompt
     */
    Spotlighted mark(String untrusted);
}
