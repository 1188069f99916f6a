package dev.parapet.core.text;

/**
 * Turns raw text into an {@link AnalyzedText}. Implementations must be thread-safe, total (never throw
 * on any string), linear in time and memory, and idempotent on the normalised view.
 */
@FunctionalInterface
public interface TextNormalizer {

    AnalyzedText analyze(String original);

    /** A normaliser that does nothing: every text is analysed as plain. */
    static TextNormalizer none() {
        return AnalyzedText::plain;
    }
}
