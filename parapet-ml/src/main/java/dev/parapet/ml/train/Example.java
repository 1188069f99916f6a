package dev.parapet.ml.train;

import java.util.Objects;

/**
 * One labelled text for training.
 *
 * @param text     the text
 * @param unsafe   true for unsafe or toxic, false for benign
 * @param category canonical category of an unsafe text, or empty when its data does not say
 * @param lang     language code, or empty
 * @param dataset  the recipe dataset it came from
 * @param pair     the pair it belongs to in a dataset of document pairs ({@link DocumentPairs}), or empty
 */
public record Example(String text, boolean unsafe, String category, String lang, String dataset, String pair) {

    public Example {
        Objects.requireNonNull(text, "text");
        category = category == null ? "" : category;
        lang = lang == null ? "" : lang;
        Objects.requireNonNull(dataset, "dataset");
        pair = pair == null ? "" : pair;
    }

    public Example(String text, boolean unsafe, String category, String lang, String dataset) {
        this(text, unsafe, category, lang, dataset, "");
    }
}
