package dev.parapet.ml.train;

import dev.parapet.ml.features.CharNgramFeatures;
import dev.parapet.ml.linear.SparseVector;
import dev.parapet.ml.model.EmbeddingClassifier;
import dev.parapet.ml.model.ExemplarIndex;
import dev.parapet.ml.model.NgramClassifier;
import dev.parapet.ml.model.SafetyHeads;
import dev.parapet.ml.model.SafetyScores;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a recipe end to end: reads the training part of its data, fits the heads, calibrates, prints the
 * held-out figures and writes {@code NAME.bin}, {@code NAME.sha256} and {@code NAME.mof.yaml} to the output
 * folder. The same recipe and data give the same model file bit for bit.
 */
public final class ModelTrainer {

    private final Path dataRoot;
    private final PrintWriter log;

    public ModelTrainer(Path dataRoot, PrintWriter log) {
        this.dataRoot = dataRoot;
        this.log = log;
    }

    /** What a run produced. */
    public record Outcome(String sha256, HeldOutMetrics metrics, Path modelFile) {
    }

    public Outcome train(Recipe recipe, String recipePath, Path outDir, Featurizer embedding, String embeddingSha256)
            throws IOException {
        log.println("reading data for " + recipe.name());
        TrainingSet set = TrainingSet.load(recipe, dataRoot, log);
        Featurizer featurizer;
        String architecture;
        int categoryBits;
        CharNgramFeatures ngrams = null;
        if (recipe.kind().equals(NgramClassifier.KIND)) {
            ngrams = new CharNgramFeatures(recipe.feature("min_n", 1), recipe.feature("max_n", 5),
                    recipe.feature("bits", 18));
            CharNgramFeatures f = ngrams;
            featurizer = new Featurizer() {
                @Override
                public int dimension() {
                    return f.dimension();
                }

                @Override
                public SparseVector vector(String text) {
                    return f.vector(text);
                }
            };
            categoryBits = recipe.feature("category_bits", 15);
            architecture = "hashed character " + f.minN() + "-" + f.maxN() + "-grams (2^" + f.bits()
                    + " features), logistic regression unsafe head with Platt calibration, softmax category head"
                    + " (2^" + categoryBits + " features)";
        } else {
            if (embedding == null) {
                throw new IllegalArgumentException("recipe " + recipe.name() + " needs the sentence-embedding model");
            }
            featurizer = embedding;
            categoryBits = 0;
            architecture = "all-MiniLM-L6-v2 (quantized ONNX) mean-pooled sentence embedding, "
                    + (recipe.hidden() == 0 ? "logistic regression" : "one-hidden-layer (" + recipe.hidden()
                    + " tanh units)") + " unsafe head with Platt calibration, softmax category head";
        }
        long t0 = System.nanoTime();
        List<SparseVector> fit = vectors(featurizer, set.fit());
        List<SparseVector> held = vectors(featurizer, set.heldOut());
        log.printf("  features of %d texts in %.1f s%n", fit.size() + held.size(), (System.nanoTime() - t0) / 1e9);
        Map<String, Double> weights = new HashMap<>();
        recipe.datasets().forEach(d -> weights.put(d.name(), d.weight()));
        HeadTrainer.Trained trained = new HeadTrainer(recipe.l2(), recipe.categoryL2(), recipe.iterations(),
                categoryBits, recipe.categoryRows(), recipe.hidden(), recipe.seed(), recipe.miningRounds(),
                recipe.miningWeight(), recipe.balanceLanguages()).train(set, fit, held, featurizer.dimension(), weights, log);
        Optional<ExemplarIndex> exemplars = Optional.empty();
        HeldOutMetrics metrics = trained.metrics();
        if (recipe.exemplars().k() > 0) {
            exemplars = Optional.of(exemplars(recipe.exemplars(), set.fit(), fit, featurizer.dimension(),
                    trained.heads().categories()));
            metrics = blendedMetrics(trained.heads(), exemplars, set.heldOut(), held, featurizer.dimension());
            Recipe.Exemplars x = recipe.exemplars();
            architecture += String.format(Locale.ROOT, "; the unsafe score averaged with the vote of the %d nearest of "
                    + "%d training texts (cosine, weights exp(similarity / %s), an inverted-file index of %d k-means "
                    + "cells, %d probed), and each category's probability with the category vote of those of them "
                    + "that are unsafe with a category", x.k(), set.fit().size(), x.temperature(), x.cells(), x.probe());
        }
        log.print(metrics.describe());
        String sha;
        if (ngrams != null) {
            sha = new NgramClassifier(recipe.name(), ngrams, trained.heads()).write(outDir);
        } else {
            sha = EmbeddingClassifier.write(outDir, recipe.name(), trained.heads(), exemplars, embeddingSha256);
        }
        Files.writeString(outDir.resolve(recipe.name() + ".mof.yaml"),
                ManifestWriter.write(recipe, recipePath, sha, set, metrics, architecture),
                StandardCharsets.UTF_8);
        log.println("wrote " + outDir.resolve(recipe.name() + ".bin") + " (sha256 " + sha + ")");
        return new Outcome(sha, metrics, outDir.resolve(recipe.name() + ".bin"));
    }

    /**
     * The fitting rows as exemplars (never the held-out rows, which measure them), each unsafe one with its category
     * as an index into the category head's.
     */
    private ExemplarIndex exemplars(Recipe.Exemplars x, List<Example> rows, List<SparseVector> vectors, int dimension,
                                    List<String> categories) {
        long t0 = System.nanoTime();
        boolean[] labels = new boolean[rows.size()];
        int[] category = new int[rows.size()];
        List<float[]> dense = new ArrayList<>(rows.size());
        for (int i = 0; i < labels.length; i++) {
            Example row = rows.get(i);
            labels[i] = row.unsafe();
            category[i] = row.unsafe() ? categories.indexOf(row.category()) : -1;
            dense.add(vectors.get(i).toDense(dimension));
        }
        ExemplarIndex index = ExemplarIndex.build(dense, labels, category, categories.size(), x.k(), x.temperature(),
                x.cells(), x.probe());
        log.printf("  %d exemplars in %d cells indexed in %.1f s; the held-out rows scored by head and exemplars%n",
                labels.length, x.cells(), (System.nanoTime() - t0) / 1e9);
        return index;
    }

    /** Held-out figures of the scores that the model gives: the heads' blended with the exemplars' votes. */
    private static HeldOutMetrics blendedMetrics(SafetyHeads heads, Optional<ExemplarIndex> exemplars,
                                                 List<Example> rows, List<SparseVector> vectors, int dimension) {
        double[] scores = new double[rows.size()];
        List<String> predicted = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            SafetyScores s = EmbeddingClassifier.blend(heads, exemplars, vectors.get(i).toDense(dimension));
            scores[i] = s.unsafe();
            predicted.add(s.topCategory());
        }
        return HeldOutMetrics.of(rows, scores, predicted, 0.5);
    }

    private static List<SparseVector> vectors(Featurizer f, List<Example> examples) {
        List<SparseVector> out = new ArrayList<>(examples.size());
        for (Example e : examples) {
            out.add(f.vector(e.text()));
        }
        return out;
    }
}
