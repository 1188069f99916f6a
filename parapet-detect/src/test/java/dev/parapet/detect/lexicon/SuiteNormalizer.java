package dev.parapet.detect.lexicon;

import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.text.UnicodeNormalizer;

/** The normaliser the measurement tests run the shipped lexicons through: the one Parapet uses. */
final class SuiteNormalizer {

    private static final TextNormalizer NORMALIZER = new UnicodeNormalizer();

    private SuiteNormalizer() {
    }

    static TextNormalizer get() {
        return NORMALIZER;
    }

    static String name() {
        return "UnicodeNormalizer";
    }

    static double minimumRecall() {
        return 0.85;
    }
}
