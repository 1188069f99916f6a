package dev.parapet.ml.detect;

import dev.parapet.core.content.Content;

/**
 * Which text a model can read. A model trained on one language says nothing useful about another (worse: it
 * learns which languages its unsafe examples were written in), so {@link ClassifierDetector} scores only the
 * windows its model's scope accepts; the language-agnostic models read everything.
 */
@FunctionalInterface
public interface LanguageScope {

    /** Every text, in any language. */
    LanguageScope ANY = (content, window) -> true;

    /**
     * @param content the content being checked (its language hint, when the caller gave one)
     * @param window  one window of its original text
     * @return whether the model should score this window
     */
    boolean reads(Content content, String window);
}
