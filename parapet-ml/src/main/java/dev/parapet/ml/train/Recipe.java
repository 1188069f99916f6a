package dev.parapet.ml.train;

import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to train one model: its name and kind, the seed, feature and training settings, and the datasets.
 * Read from YAML (see {@code parapet-ml/recipes/}); errors name the file and line.
 *
 * @param name           the model's name (its file is NAME.bin)
 * @param kind           {@code ngram} or {@code minilm}
 * @param seed           seeds every sample
 * @param date           the release date written into the manifest (ISO date), or empty
 * @param features       feature settings ({@code min_n}, {@code max_n}, {@code bits}, {@code category_bits})
 * @param l2             L2 penalty of the unsafe head
 * @param categoryL2     L2 penalty of the category head
 * @param iterations     L-BFGS iterations at most
 * @param categoryRows   rows of each category the category head is fitted on at most (0: all)
 * @param hidden         hidden units of the unsafe head (0: logistic regression)
 * @param heldOutPercent share of the training rows held out for calibration and metrics
 * @param maxChars       texts are cut to this many chars (the model's window)
 * @param miningRounds   rounds of hard-negative mining: after a fit, benign fitting rows the unsafe head scores
 *                       unsafe weigh {@code miningWeight} times more and the head is fitted again (0: none)
 * @param miningWeight   the weight multiplier of a mined hard negative
 * @param balanceLanguages each language gets at least the whole set's ratio of benign to unsafe
 *                       weight ({@code balance_languages})
 * @param exemplars      for kind {@code minilm}: the training texts kept as exemplars whose vote is averaged with
 *                       the head ({@code exemplar_k} neighbours, 0 for none; {@code exemplar_temperature},
 *                       {@code exemplar_cells}, {@code exemplar_probe})
 * @param datasets       the data
 * @param folder         the recipe file's folder, where datasets with {@code root: recipe} are
 */
public record Recipe(String name, String kind, long seed, String date, Map<String, Integer> features, double l2,
                     double categoryL2, int iterations, int categoryRows, int hidden, int heldOutPercent, int maxChars,
                     int miningRounds, double miningWeight, boolean balanceLanguages, Exemplars exemplars,
                     List<DatasetSpec> datasets, Path folder) {

    /** Exemplar settings; {@code k} 0 means none. */
    public record Exemplars(int k, double temperature, int cells, int probe) {
        public static final Exemplars NONE = new Exemplars(0, 0.05, 64, 8);
    }

    public Recipe {
        features = Map.copyOf(features);
        datasets = List.copyOf(datasets);
    }

    public static Recipe load(Path file) {
        YamlNode root = Yaml.parse(file);
        root.onlyKeys(Set.of("name", "kind", "description", "seed", "date", "features", "training", "datasets"));
        String kind = root.require("kind").string();
        if (!kind.equals("ngram") && !kind.equals("minilm")) {
            throw root.require("kind").error("kind must be 'ngram' or 'minilm'");
        }
        Map<String, Integer> features = new java.util.TreeMap<>();
        root.get("features").ifPresent(f -> f.entries().forEach((k, v) -> features.put(k, v.integer())));
        YamlNode t = root.require("training");
        t.onlyKeys(Set.of("l2", "category_l2", "iterations", "category_rows", "hidden", "held_out_percent",
                "max_chars", "mining_rounds", "mining_weight", "balance_languages", "exemplar_k", "exemplar_temperature",
                "exemplar_cells", "exemplar_probe"));
        Set<String> canonical = Set.copyOf(Taxonomies.builtIn().canonical().ids());
        List<DatasetSpec> datasets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode d : root.require("datasets").list()) {
            DatasetSpec s = DatasetSpec.parse(d, canonical);
            if (!names.add(s.name())) {
                throw d.error("two datasets are named '" + s.name() + "'");
            }
            datasets.add(s);
        }
        if (kind.equals("ngram") && t.number("hidden", 0) != 0) {
            throw t.error("a hidden layer needs dense features: use it with kind 'minilm'");
        }
        int heldOut = (int) t.number("held_out_percent", 10);
        if (heldOut < 1 || heldOut > 50) {
            throw t.error("held_out_percent must be in 1..50");
        }
        int miningRounds = (int) t.number("mining_rounds", 0);
        double miningWeight = t.number("mining_weight", 3);
        if (miningRounds < 0 || miningRounds > 5 || !(miningWeight >= 1 && miningWeight <= 100)) {
            throw t.error("mining_rounds must be in 0..5 and mining_weight in 1..100");
        }
        Exemplars exemplars = new Exemplars((int) t.number("exemplar_k", 0), t.number("exemplar_temperature", 0.05),
                (int) t.number("exemplar_cells", 64), (int) t.number("exemplar_probe", 8));
        if (exemplars.k() != 0 && (!kind.equals("minilm") || exemplars.k() < 0 || exemplars.k() > 1000
                || !(exemplars.temperature() > 0) || exemplars.cells() < 1 || exemplars.probe() < 1
                || exemplars.probe() > exemplars.cells())) {
            throw t.error("exemplars need kind 'minilm', exemplar_k in 1..1000, exemplar_temperature > 0 and "
                    + "1 <= exemplar_probe <= exemplar_cells");
        }
        return new Recipe(root.require("name").string(), kind, (long) root.number("seed", 1), root.string("date", ""),
                features,
                t.number("l2", 1e-6), t.number("category_l2", 1e-5), (int) t.number("iterations", 100),
                (int) t.number("category_rows", 0), (int) t.number("hidden", 0), heldOut,
                (int) t.number("max_chars", 600), miningRounds, miningWeight,
                t.bool("balance_languages", false), exemplars, datasets, file.toAbsolutePath().getParent());
    }

    int feature(String key, int fallback) {
        return features.getOrDefault(key, fallback);
    }
}
