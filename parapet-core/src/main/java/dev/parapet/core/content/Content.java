package dev.parapet.core.content;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of text to check, with who wrote it.
 *
 * @param text         the text exactly as received; offsets in findings point into it (UTF-16 code units)
 * @param role         who wrote it
 * @param language     an optional BCP 47 language hint (e.g. {@code "de"}); detectors may ignore it
 * @param metadata     free-form caller data carried through unchanged (e.g. a document id)
 * @param instructions for a user's message, the instructions the model answering it follows (its system prompt),
 *                     when the caller knows them: detectors may check the message against what they forbid; for an
 *                     assistant's answer, the instructions it followed: detectors may look in it for what they keep
 */
public record Content(String text, Role role, Optional<String> language, Map<String, String> metadata,
                      Optional<String> instructions) {

    public Content {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(role, "role");
        language = language == null ? Optional.empty() : language.filter(s -> !s.isBlank());
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        instructions = instructions == null ? Optional.empty() : instructions.filter(s -> !s.isBlank());
    }

    /** A text without instructions. */
    public Content(String text, Role role, Optional<String> language, Map<String, String> metadata) {
        this(text, role, language, metadata, Optional.empty());
    }

    public static Content of(String text, Role role) {
        return new Content(text, role, Optional.empty(), Map.of());
    }

    public static Content user(String text) {
        return of(text, Role.USER);
    }

    public static Content assistant(String text) {
        return of(text, Role.ASSISTANT);
    }

    public static Content tool(String text) {
        return of(text, Role.TOOL);
    }

    public Content withLanguage(String lang) {
        return new Content(text, role, Optional.ofNullable(lang), metadata, instructions);
    }

    /** This content checked against the given instructions (none when null or blank). */
    public Content withInstructions(String system) {
        return new Content(text, role, language, metadata, Optional.ofNullable(system));
    }
}
