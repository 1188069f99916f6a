package dev.parapet.ml.train;

import dev.parapet.ml.linear.Lbfgs;
import dev.parapet.ml.linear.MarginModel;
import dev.parapet.ml.linear.MlpTrainer;
import dev.parapet.ml.linear.Platt;
import dev.parapet.ml.linear.SoftmaxRegression;
import dev.parapet.ml.linear.SoftmaxTrainer;
import dev.parapet.ml.linear.SparseVector;
import dev.parapet.ml.model.SafetyHeads;
import dev.parapet.ml.model.SafetyScores;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fits {@link SafetyHeads} on a {@link TrainingSet}: the unsafe head on every fitting row, with the unsafe and
 * benign sides weighted equally (each dataset's rows scaled by its recipe weight); the category head on the
 * unsafe rows that have a category, each category weighted equally; then Platt calibration and metrics on
 * the held-out rows.
 *
 * @param l2           penalty of the unsafe head
 * @param categoryL2   penalty of the category head
 * @param iterations   L-BFGS iterations at most
 * @param categoryBits bits the category head's features are folded to (0: not folded)
 * @param categoryRows the category head sees at most this many rows of each category (the first in the
 *                     training set's seeded order), which bounds its cost; 0 for all
 * @param hidden       hidden units of the unsafe head: 0 for logistic regression, more for a one-hidden-layer
 *                     network (dense features only)
 * @param seed         seeds the network's starting weights
 * @param miningRounds rounds of hard-negative mining (0: none): after each fit, the benign fitting rows that the
 *                     unsafe head scores unsafe (margin above 0) weigh {@code miningWeight} times more, and the
 *                     head is fitted again from the same start; benign texts that look like harmful ones teach
 *                     intent rather than topic
 * @param miningWeight weight multiplier of a mined hard negative
 * @param balanceLanguages give each language at least the whole set's ratio of benign to unsafe weight (see
 *                     {@link #balanceLanguages})
 */
public record HeadTrainer(double l2, double categoryL2, int iterations, int categoryBits, int categoryRows,
                          int hidden, long seed, int miningRounds, double miningWeight, boolean balanceLanguages) {

    /** A language's benign rows weigh at most this many times more when its languages are balanced. */
    static final double MAX_BALANCE = 20;

    /** The fitted heads and their held-out figures. */
    public record Trained(SafetyHeads heads, HeldOutMetrics metrics) {
    }

    /** @param datasetWeights the recipe weight of each dataset's rows */
    public Trained train(TrainingSet set, List<SparseVector> fitVectors, List<SparseVector> heldVectors,
                         int dimension, Map<String, Double> datasetWeights, PrintWriter log) {
        List<Example> fit = set.fit();
        int n = fit.size();
        int[] ys = new int[n];
        double[] w = new double[n];
        double[] side = new double[2];
        for (int i = 0; i < n; i++) {
            ys[i] = fit.get(i).unsafe() ? 1 : 0;
            w[i] = datasetWeights.getOrDefault(fit.get(i).dataset(), 1.0);
            side[ys[i]] += w[i];
        }
        if (side[0] == 0 || side[1] == 0) {
            throw new IllegalArgumentException("training needs both unsafe and benign examples");
        }
        Map<String, Double> languageScale = balanceLanguages ? balanceLanguages(fit, ys, w, side[0] / side[1], log)
                : Map.of();
        for (int i = 0; i < n; i++) {
            w[i] *= n / (2 * side[ys[i]]);
        }
        Lbfgs lbfgs = new Lbfgs(10, iterations, 1e-7);
        MarginModel unsafe = fitUnsafe(fitVectors, ys, w, dimension, lbfgs, log);
        for (int round = 1; round <= miningRounds; round++) {
            Map<String, Integer> mined = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                if (ys[i] == 0 && unsafe.margin(fitVectors.get(i)) > 0) {
                    w[i] *= miningWeight;
                    mined.merge(fit.get(i).dataset(), 1, Integer::sum);
                }
            }
            log.printf("  mining round %d: %d hard negatives weigh %.0fx more %s%n", round,
                    mined.values().stream().mapToInt(Integer::intValue).sum(), miningWeight, mined);
            unsafe = fitUnsafe(fitVectors, ys, w, dimension, lbfgs, log);
        }

        TreeSet<String> names = new TreeSet<>();
        for (Example e : fit) {
            if (e.unsafe() && !e.category().isEmpty()) {
                names.add(e.category());
            }
        }
        List<String> categories = new ArrayList<>(names);
        if (categories.size() < 2) {
            throw new IllegalArgumentException("the category head needs unsafe examples of at least two categories");
        }
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int k = 0; k < categories.size(); k++) {
            index.put(categories.get(k), k);
        }
        List<SparseVector> cx = new ArrayList<>();
        List<Integer> cy = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Example e = fit.get(i);
            if (e.unsafe() && !e.category().isEmpty()
                    && (categoryRows == 0 || counts.getOrDefault(e.category(), 0) < categoryRows)) {
                cx.add(fold(fitVectors.get(i)));
                cy.add(index.get(e.category()));
                counts.merge(e.category(), 1, Integer::sum);
            }
        }
        int[] cys = cy.stream().mapToInt(Integer::intValue).toArray();
        double[] cw = new double[cys.length];
        for (int i = 0; i < cys.length; i++) {
            cw[i] = (double) cys.length / (categories.size() * counts.get(categories.get(cys[i])));
        }
        long t0 = System.nanoTime();
        int catDim = categoryBits == 0 ? dimension : 1 << categoryBits;
        SoftmaxRegression category = new SoftmaxTrainer(categoryL2, lbfgs).train(cx, cys, cw, categories.size(),
                catDim);
        log.printf("  category head (%d categories, %d rows) fitted in %.1f s%n", categories.size(), cys.length,
                (System.nanoTime() - t0) / 1e9);

        List<Example> held = set.heldOut();
        double[] margins = new double[held.size()];
        int[] labels = new int[held.size()];
        for (int i = 0; i < held.size(); i++) {
            margins[i] = unsafe.margin(heldVectors.get(i));
            labels[i] = held.get(i).unsafe() ? 1 : 0;
        }
        // Calibrated for the data as the head was fitted on it: a balanced language's benign rows weigh as much here.
        double[] heldWeights = new double[held.size()];
        for (int i = 0; i < held.size(); i++) {
            heldWeights[i] = languageWeight(held.get(i), languageScale);
        }
        Platt platt = Platt.fit(margins, labels, heldWeights);
        SafetyHeads heads = new SafetyHeads(unsafe, platt, category, categoryBits == 0 ? 0 : categoryBits,
                categories);
        double[] scores = new double[held.size()];
        List<String> predicted = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            SafetyScores s = heads.score(heldVectors.get(i));
            scores[i] = s.unsafe();
            predicted.add(s.topCategory());
        }
        return new Trained(heads, HeldOutMetrics.of(held, scores, predicted, 0.5));
    }

    private MarginModel fitUnsafe(List<SparseVector> xs, int[] ys, double[] w, int dimension, Lbfgs lbfgs,
                                  PrintWriter log) {
        long t0 = System.nanoTime();
        MarginModel unsafe = hidden == 0 ? new SoftmaxTrainer(l2, lbfgs).train(xs, ys, w, 2, dimension)
                : new MlpTrainer(hidden, l2, seed, lbfgs).train(xs, ys, w, dimension);
        log.printf("  unsafe head (%s) fitted in %.1f s%n", hidden == 0 ? "logistic regression"
                : "one hidden layer of " + hidden, (System.nanoTime() - t0) / 1e9);
        return unsafe;
    }

    private SparseVector fold(SparseVector v) {
        return categoryBits == 0 ? v : v.fold(categoryBits);
    }

    /**
     * Gives each language at least the whole set's ratio of benign to unsafe weight: a language whose rows are more
     * often unsafe than the set's gets its benign rows scaled up to that ratio (at most {@value #MAX_BALANCE}x).
     * Otherwise the features that merely identify a language (its script, its commonest words) carry the language's
     * share of unsafe rows, and ordinary text in a language whose data is mostly unsafe prompts scores as unsafe.
     * The class weights applied afterwards are those of the set before this scaling, whose benign-to-unsafe weight
     * is {@code ratio}: they give both sides of each balanced language equal weight, and every other language the
     * weight it had,
     * so that the added benign weight does not move the other languages towards harm. Languages without benign rows
     * are left as they are, and logged.
     *
     * @return each balanced language's benign weight factor, for the calibration
     */
    private static Map<String, Double> balanceLanguages(List<Example> fit, int[] ys, double[] w, double ratio,
                                                        PrintWriter log) {
        Map<String, double[]> byLang = new TreeMap<>();
        for (int i = 0; i < fit.size(); i++) {
            String lang = fit.get(i).lang();
            if (!lang.isEmpty()) {
                byLang.computeIfAbsent(lang, k -> new double[2])[ys[i]] += w[i];
            }
        }
        Map<String, Double> scale = new TreeMap<>();
        for (var e : byLang.entrySet()) {
            double benign = e.getValue()[0];
            double unsafe = e.getValue()[1];
            if (benign > 0 && unsafe * ratio > benign) {
                scale.put(e.getKey(), Math.min(MAX_BALANCE, unsafe * ratio / benign));
            } else if (benign == 0) {
                log.printf("  language %s has no benign rows: not balanced%n", e.getKey());
            }
        }
        for (int i = 0; i < fit.size(); i++) {
            w[i] *= languageWeight(fit.get(i), scale);
        }
        log.printf("  languages balanced (benign weight x): %s%n", scale.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.1f", e.getValue())).toList());
        return scale;
    }

    /** The factor a row's weight takes from its language's balance: its benign rows' factor, or 1. */
    private static double languageWeight(Example e, Map<String, Double> scale) {
        return e.unsafe() ? 1.0 : scale.getOrDefault(e.lang(), 1.0);
    }
}
