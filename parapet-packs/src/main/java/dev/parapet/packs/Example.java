package dev.parapet.packs;

import java.util.Objects;

/**
 * One labelled example of a pack's category.
 *
 * @param text     the example text
 * @param positive true when the text belongs to the category, false when it is a near miss that does not
 * @param line     1-based line of the example in the pack file, for error messages and evidence
 */
public record Example(String text, boolean positive, int line) {

    public Example {
        Objects.requireNonNull(text, "text");
    }
}
