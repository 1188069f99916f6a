package dev.parapet.core.text;

/**
 * Turns raw text into an {@link AnalyzedText}. Implementations must be thread-safe, total (never throw
 * on any string), linear in time and memory, and idempotent on the normalised view.
 */
@FunctionalInterface
public interface TextNormalizer {

    AnalyzedText analyze(String original);

    /**
     * A cheap proof that {@link #analyze} leaves {@code text} plain: the {@code nfkc} view is the text
     * itself, the {@code normalized} view is the text with ASCII letters lowercased char for char (run
     * lengths 1, nothing joined), and nothing is decoded. It may answer false for a text that is plain
     * after all, never true for one that is not. Fast paths (screens) rely on it; the default knows nothing.
     */
    default boolean isPlain(String text) {
        return false;
    }

    /**
     * A cheap proof that {@link #analyze} changes {@code text} at most char for char, with the normalised
     * view's text: the {@code nfkc} view is the text itself, the {@code normalized} view has the text's
     * length and each of its chars comes from the char at the same place (run lengths 1, nothing joined),
     * and nothing is decoded. Null when that is not proven. Fast paths (screens) rely on it. The default
     * is the text with ASCII letters lowercased when {@link #isPlain} proves it plain.
     */
    default String plainView(String text) {
        return isPlain(text) ? Chars.lowerAscii(text) : null;
    }

    /** A normaliser that does nothing: every text is analysed as plain. */
    static TextNormalizer none() {
        return AnalyzedText::plain;
    }
}
