package dev.parapet.ml.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The examples a recipe trains on, split into a fitting part and a held-out part. Rows are read from each
 * dataset's training part only, sampled per dataset under the seed, cut to the model's window, de-duplicated
 * (a text labelled both ways is dropped) and put in an order that depends only on the seed and the texts, so
 * file order never changes a model.
 *
 * @param fit      examples the heads are fitted on
 * @param heldOut  examples for calibration and metrics
 * @param files    every data file read, by dataset: relative to the data root, or to the recipe's folder for the
 *                 project's own data
 */
public record TrainingSet(List<Example> fit, List<Example> heldOut, Map<String, List<String>> files) {

    public static TrainingSet load(Recipe recipe, Path dataRoot, PrintWriter log) {
        DatasetReader reader = new DatasetReader(dataRoot, recipe.folder());
        Map<String, Example> byText = new LinkedHashMap<>();
        Set<String> conflicting = new HashSet<>();
        Map<String, List<String>> files = new LinkedHashMap<>();
        Map<String, List<Example>> sampled = new HashMap<>();
        for (DatasetSpec spec : recipe.datasets()) {
            DatasetReader.Result r = reader.read(spec);
            Path folder = reader.folder(spec);
            files.put(spec.name(), r.files().stream().map(p -> folder.relativize(p).toString()).toList());
            List<Example> rows = new ArrayList<>(r.examples());
            rows.sort(Comparator.comparing(e -> TrainingSample.sampleKey(recipe.seed(), e.text())));
            if (spec.maxRows() > 0 && rows.size() > spec.maxRows()) {
                rows = rows.subList(0, spec.maxRows());
            }
            sampled.put(spec.name(), rows);
            if (!spec.insertInto().isEmpty()) {
                List<Example> documents = new ArrayList<>();
                for (String d : spec.insertInto()) {
                    List<Example> docs = sampled.get(d);
                    if (docs == null || d.equals(spec.name())) {
                        throw new IllegalArgumentException("dataset " + spec.name() + ": insert_into '" + d
                                + "' must name an earlier dataset");
                    }
                    documents.addAll(docs);
                }
                rows = new ArrayList<>(rows);
                rows.addAll(Insertions.of(rows, documents, recipe.maxChars(), recipe.seed()));
            }
            if (!spec.pairField().isEmpty()) {
                rows = DocumentPairs.windows(rows, recipe.maxChars());
            }
            int pos = 0;
            for (Example e : rows) {
                Example cut = new Example(cut(e.text(), recipe.maxChars()), e.unsafe(), e.category(), e.lang(),
                        e.dataset());
                pos += cut.unsafe() ? 1 : 0;
                Example prev = byText.putIfAbsent(cut.text(), cut);
                if (prev != null && prev.unsafe() != cut.unsafe()) {
                    conflicting.add(cut.text());
                }
            }
            log.printf("  %-28s %6d rows (%d unsafe), %d skipped, %d outside the training part%s%n", spec.name(),
                    rows.size(), pos, r.skipped(), r.notTrainPart(),
                    spec.langs().isEmpty() ? "" : ", " + r.otherLanguages() + " in other languages");
        }
        conflicting.forEach(byText::remove);
        List<Example> all = new ArrayList<>(byText.values());
        all.sort(Comparator.comparing(e -> TrainingSample.sampleKey(recipe.seed(), e.text())));
        List<Example> fit = new ArrayList<>();
        List<Example> held = new ArrayList<>();
        for (Example e : all) {
            (TrainingSample.isHeldOut(e.text(), recipe.heldOutPercent()) ? held : fit).add(e);
        }
        log.printf("  %d examples after de-duplication (%d labelled both ways dropped): %d to fit, %d held out%n",
                all.size(), conflicting.size(), fit.size(), held.size());
        return new TrainingSet(List.copyOf(fit), List.copyOf(held), files);
    }

    /** Licence by dataset name, for the manifest. */
    static Map<String, String> licences(Recipe recipe) {
        Map<String, String> m = new HashMap<>();
        recipe.datasets().forEach(d -> m.put(d.name(), d.licence()));
        return m;
    }

    /** The first {@code maxChars} chars of {@code text}, without the high half of a surrogate pair at the end. */
    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** {@code s[from, to)} without half a surrogate pair at either end: a window of a document (insertions, pairs). */
    static String cut(String s, int from, int to) {
        if (from > 0 && from < s.length() && Character.isLowSurrogate(s.charAt(from))) {
            from++;
        }
        if (to > from && to < s.length() && Character.isLowSurrogate(s.charAt(to))) {
            to--;
        }
        return from >= to ? "" : s.substring(from, to);
    }
}
