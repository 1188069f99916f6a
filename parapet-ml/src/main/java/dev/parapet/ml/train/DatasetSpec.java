package dev.parapet.ml.train;

import dev.parapet.core.yaml.YamlNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One dataset in a recipe: which files (globs under the data root), how to read them, how rows become
 * labelled examples, and which split is used. Test splits can never be named: a recipe that lists one fails.
 *
 * @param name          the dataset's name in the recipe
 * @param licence       its licence (recorded in the model's manifest)
 * @param files         globs relative to the data root, or, with {@code besideRecipe}, files (no globs) relative
 *                      to the recipe's folder
 * @param format        {@code csv}, {@code csv-noheader} (text in the first column), {@code jsonl}, {@code json}
 *                      (an array of objects, or of strings), {@code json-groups} (an object of named lists of
 *                      strings; the name is the field {@code group}) or {@code lines} (one text per line)
 * @param textField     the field holding the text (ignored by {@code csv-noheader} and {@code lines})
 * @param label         a constant label for every row (0 or 1), or empty to read {@code labelField}
 * @param labelField    the field with 0/1 (or true/false); rows where it is empty are skipped
 * @param category      a constant category of its unsafe rows, or empty
 * @param categoryField the field whose value {@code categories} maps to a canonical category
 * @param categories    value to canonical category; unmapped values leave the category empty
 * @param lang          a constant language, {@code {dir}} for the name of the file's folder, or empty
 * @param langField     the field holding the language, when {@code lang} is empty
 * @param langMap       language as read ({@code {dir}} or {@code langField}) to the code the model reports by (the
 *                      data's own names, e.g. XSafety's folder {@code sp} or "French", to {@code es}, {@code fr}):
 *                      languages are compared across datasets (balancing, held-out figures); unlisted values stay
 * @param langs         when not empty, only rows in these languages (after {@code langMap}) are read: a model that
 *                      reads one language at run time learns nothing from the others' rows
 * @param split         {@code hash} (the 80% training part by {@link dev.parapet.core.hash.HashSplit}), {@code field} (rows whose
 *                      {@code splitField} value is in {@code splitValues}) or {@code all} (every row: for a
 *                      file that is itself an official training or validation split)
 * @param splitField    the split column, for {@code field}
 * @param splitValues   the split values used, for {@code field}
 * @param maxRows       at most this many rows are kept (a seeded, order-free sample); 0 for all
 * @param weight        a multiplier of the rows' training weight
 * @param insertInto    names of earlier datasets whose texts serve as documents: each row is also inserted, once,
 *                      into one of them (at the start, in the middle or at the end), as an injection hides in data;
 *                      empty for none
 * @param pairField     the field naming each row's pair, for a dataset of document pairs (a benign document and the
 *                      same document with an instruction to the model added; {@link DocumentPairs}); empty for none
 * @param besideRecipe  whether the files are the project's own data, beside the recipe ({@code root: recipe}),
 *                      rather than under the data root ({@code root: data}, the default)
 */
public record DatasetSpec(String name, String licence, List<String> files, String format, String textField,
                          Optional<Integer> label, String labelField, String category, String categoryField,
                          Map<String, String> categories, String lang, String langField,
                          Map<String, String> langMap, Set<String> langs, String split,
                          String splitField, Set<String> splitValues, int maxRows, double weight,
                          List<String> insertInto, String pairField, boolean besideRecipe) {

    static final Set<String> FORMATS = Set.of("csv", "csv-noheader", "jsonl", "json", "json-groups", "lines");

    public DatasetSpec {
        files = List.copyOf(files);
        categories = Map.copyOf(categories);
        langMap = Map.copyOf(langMap);
        langs = Set.copyOf(langs);
        splitValues = Set.copyOf(splitValues);
        insertInto = List.copyOf(insertInto);
    }

    static DatasetSpec parse(YamlNode n, Set<String> canonical) {
        n.onlyKeys(Set.of("name", "licence", "files", "format", "text", "label", "label_field", "category",
                "category_field", "categories", "lang", "lang_field", "lang_map", "langs", "split", "split_field",
                "split_values", "max_rows", "weight", "insert_into", "pair_field", "root"));
        String name = n.require("name").string();
        List<String> files = n.require("files").list().stream().map(YamlNode::string).toList();
        if (files.isEmpty()) {
            throw n.require("files").error("dataset " + name + " lists no files");
        }
        String root = n.string("root", "data");
        if (!root.equals("data") && !root.equals("recipe")) {
            throw n.require("root").error("root must be 'data' (the public data) or 'recipe' (the recipe's folder)");
        }
        if (root.equals("recipe") && files.stream().anyMatch(f -> f.contains("*"))) {
            throw n.require("files").error("dataset " + name + ": files beside the recipe are named one by one");
        }
        String format = n.require("format").string();
        if (!FORMATS.contains(format)) {
            throw n.require("format").error("unknown format '" + format + "' (allowed: " + String.join(", ",
                    FORMATS.stream().sorted().toList()) + ")");
        }
        Optional<Integer> label = n.get("label").map(v -> {
            int l = v.integer();
            if (l != 0 && l != 1) {
                throw v.error("label must be 0 or 1");
            }
            return l;
        });
        String labelField = n.string("label_field", "");
        if (label.isEmpty() == labelField.isEmpty()) {
            throw n.error("dataset " + name + ": give exactly one of 'label' and 'label_field'");
        }
        String category = n.string("category", "");
        if (!category.isEmpty() && !canonical.contains(category)) {
            throw n.require("category").error("unknown canonical category '" + category + "'");
        }
        Map<String, String> cats = new LinkedHashMap<>();
        n.get("categories").ifPresent(m -> m.entries().forEach((k, v) -> {
            if (!canonical.contains(v.string())) {
                throw v.error("unknown canonical category '" + v.string() + "'");
            }
            cats.put(k, v.string());
        }));
        Map<String, String> langMap = new LinkedHashMap<>();
        n.get("lang_map").ifPresent(m -> m.entries().forEach((k, v) -> langMap.put(k, v.string())));
        String split = n.require("split").string();
        String splitField = n.string("split_field", "");
        List<String> splitValues = n.strings("split_values");
        switch (split) {
            case "hash", "all" -> {
            }
            case "field" -> {
                if (splitField.isEmpty() || splitValues.isEmpty()) {
                    throw n.error("dataset " + name + ": split 'field' needs split_field and split_values");
                }
                for (String v : splitValues) {
                    if (v.toLowerCase(Locale.ROOT).contains("test")) {
                        throw n.require("split_values").error("dataset " + name + ": '" + v
                                + "' is a test split; test splits are never trained on");
                    }
                }
            }
            default -> throw n.require("split").error("split must be 'hash', 'field' or 'all'");
        }
        int maxRows = (int) n.number("max_rows", 0);
        double weight = n.number("weight", 1);
        if (maxRows < 0 || !(weight > 0)) {
            throw n.error("dataset " + name + ": max_rows must be >= 0 and weight > 0");
        }
        String pairField = n.string("pair_field", "");
        if (!pairField.isEmpty() && (maxRows > 0 || split.equals("hash"))) {
            throw n.error("dataset " + name + ": document pairs ('pair_field') are read whole: no max_rows, and a "
                    + "split that keeps a pair's two rows together ('field' or 'all', not 'hash')");
        }
        return new DatasetSpec(name, n.string("licence", ""), files, format, n.string("text", ""), label,
                labelField, category, n.string("category_field", ""), cats, n.string("lang", ""),
                n.string("lang_field", ""), langMap, Set.copyOf(n.strings("langs")), split, splitField,
                Set.copyOf(splitValues), maxRows, weight, n.strings("insert_into"), pairField, root.equals("recipe"));
    }
}
