package dev.parapet.eval.dataset;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One group of files of a dataset that are read the same way.
 *
 * @param files     glob patterns relative to the dataset's folder ({@code *}/{@code ?} within a name,
 *                  {@code **} across folders)
 * @param format    the format, or empty to go by each file's extension
 * @param records   for JSON documents: the keys leading to the array of records
 * @param text      the field holding the text; unused when {@code texts} is given
 * @param texts     wide tables: language code to the field holding the text in that language (one record gives
 *                  one example per language); empty for one text per record
 * @param label     how the label is decided
 * @param category  where the dataset's own category comes from
 * @param canonical dataset category to canonical category, where the mapping is clean
 * @param language  where the language comes from (ignored for wide tables)
 * @param split     the official split these files are, or "" (then the dataset's hash split, if any, applies)
 * @param licence   {@code train-ok} or {@code eval-only}; "" to inherit the dataset's
 * @param instructions the field holding the instructions (system prompt) each text is checked against, or ""
 */
public record SourceSpec(List<String> files, Optional<Format> format, List<String> records, String text,
                         Map<String, String> texts, LabelRule label, ValueRule category,
                         Map<String, String> canonical, ValueRule language, String split, String licence,
                         String instructions) {

    /** A source whose texts stand alone, without instructions. */
    public SourceSpec(List<String> files, Optional<Format> format, List<String> records, String text,
                      Map<String, String> texts, LabelRule label, ValueRule category, Map<String, String> canonical,
                      ValueRule language, String split, String licence) {
        this(files, format, records, text, texts, label, category, canonical, language, split, licence, "");
    }

    public SourceSpec {
        files = List.copyOf(files);
        records = List.copyOf(records);
        texts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(texts)); // language order kept
        canonical = Map.copyOf(canonical);
    }
}
