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
     * A cheap proof that {@link #analyze} changes {@code text} little, with the analysis itself, built
     * without the costly steps: the {@code nfkc} view is the text itself, nothing is decoded, and each char
     * of the {@code normalized} view comes from the char at its place (lower case, leetspeak undone; run
     * lengths 1, nothing joined), but that a run of three or more of one char (digits excepted) may be squeezed
     * to that char, its length kept in the view's map (so the view may be shorter than the text). Null when that
     * is not proven; it may be null for a text that is plain after all, never non-null for one that is not. Fast
     * paths (screens) rely on it.
     * The default is the text with ASCII letters lowercased when {@link #isPlain} proves it plain.
     */
    default AnalyzedText plainAnalysis(String text) {
        return isPlain(text) ? AnalyzedText.ofPlainView(text, Chars.lowerAscii(text)) : null;
    }

    /**
     * The text of {@link #plainAnalysis}'s normalised view, or null when there is none: what screens read.
     * A normaliser overrides it when it can make that text without mapping its chars back to the original.
     */
    default String plainViewText(String text) {
        AnalyzedText a = plainAnalysis(text);
        return a == null ? null : a.normalized().text();
    }

    /**
     * The normalised view's text when {@link #plainAnalysis} proves it and it is char for char with
     * {@code text} (nothing squeezed); null otherwise.
     */
    default String plainView(String text) {
        AnalyzedText a = plainAnalysis(text);
        return a == null || a.normalized().length() != text.length() ? null : a.normalized().text();
    }

    /** A normaliser that does nothing: every text is analysed as plain. */
    static TextNormalizer none() {
        return AnalyzedText::plain;
    }
}
