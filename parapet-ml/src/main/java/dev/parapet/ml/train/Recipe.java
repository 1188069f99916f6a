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
 * @param balanceLanguages each language gets at least as much benign as unsafe weight ({@code balance_languages})
 * @param datasets       the data
 */
public record Recipe(String name, String kind, long seed, String date, Map<String, Integer> features, double l2,
                     double categoryL2, int iterations, int categoryRows, int hidden, int heldOutPercent, int maxChars,
                     int miningRounds, double miningWeight, boolean balanceLanguages, List<DatasetSpec> datasets) {

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
                "max_chars", "mining_rounds", "mining_weight", "balance_languages"));
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
        return new Recipe(root.require("name").string(), kind, (long) root.number("seed", 1), root.string("date", ""),
                features,
                t.number("l2", 1e-6), t.number("category_l2", 1e-5), (int) t.number("iterations", 100),
                (int) t.number("category_rows", 0), (int) t.number("hidden", 0), heldOut,
                (int) t.number("max_chars", 600), miningRounds, miningWeight,
                t.bool("balance_languages", false), datasets);
    }

    int feature(String key, int fallback) {
        return features.getOrDefault(key, fallback);
    }
}
