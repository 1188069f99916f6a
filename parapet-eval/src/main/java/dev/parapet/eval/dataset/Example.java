package dev.parapet.eval.dataset;

import java.util.Objects;

/**
 * One labelled text of a dataset.
 *
 * @param text      the text to check
 * @param positive  true when the text is unsafe (or an injection: whatever the dataset's positive class is)
 * @param category  the dataset's own category label, or "" when it has none
 * @param canonical the canonical category it maps to, or "" when there is no clean mapping
 * @param language  a BCP 47 language code, or "" when unknown
 * @param split     the split it belongs to ("test", "train", "val", ...), or "" when the dataset has none
 * @param origin    where it came from, {@code file:line}, for error messages and audits
 * @param instructions the instructions (system prompt) the text is addressed against, or "" when there are none
 */
public record Example(String text, boolean positive, String category, String canonical, String language,
                      String split, String origin, String instructions) {

    /** An example without instructions. */
    public Example(String text, boolean positive, String category, String canonical, String language, String split,
                   String origin) {
        this(text, positive, category, canonical, language, split, origin, "");
    }

    public Example {
        Objects.requireNonNull(text, "text");
        category = category == null ? "" : category;
        canonical = canonical == null ? "" : canonical;
        language = language == null ? "" : language;
        split = split == null ? "" : split;
        origin = origin == null ? "" : origin;
        instructions = instructions == null ? "" : instructions;
    }
}
