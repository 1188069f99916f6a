package dev.parapet.detect.lexicon;

import dev.parapet.core.text.TextNormalizer;

/** The normaliser the measurement tests run the shipped lexicons through. */
final class SuiteNormalizer {

    private SuiteNormalizer() {
    }

    static TextNormalizer get() {
        return new LowercaseNormalizer();
    }

    static String name() {
        return "the lower-case test normaliser (no leetspeak, homoglyph, spacing or payload handling)";
    }

    /** Lower-case only: the detector's own folding covers repeats, masks, accents and invisible chars. */
    static double minimumRecall() {
        return 0.35;
    }
}
