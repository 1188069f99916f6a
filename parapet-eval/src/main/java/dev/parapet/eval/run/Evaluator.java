package dev.parapet.eval.run;

import dev.parapet.eval.dataset.Example;
import dev.parapet.eval.dataset.LoadedDataset;
import dev.parapet.eval.metric.CategoryDetection;
import dev.parapet.eval.metric.Latency;
import dev.parapet.eval.metric.Metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs a filter over a dataset, one text at a time on the calling thread (so the latency measured is that of one
 * check), and computes the metrics.
 *
 * <p>A text counts as flagged when the filter flags any target category at its own thresholds, or, when a
 * threshold is given, when its score reaches it. A text's score is its highest score over the target categories.
 */
public final class Evaluator {

    /** Texts judged once, untimed, before the run, so the latency measured is that of a warmed-up filter. */
    public static final int WARM_UP = 100;

    private final Progress progress;

    public Evaluator(Progress progress) {
        this.progress = progress;
    }

    /**
     * @param threshold when present, overrides the filter's own thresholds for every target category
     */
    public RunResult run(Filter filter, LoadedDataset data, Set<String> target, OptionalDouble threshold,
                         DatasetInfo info) {
        List<Example> ex = data.examples();
        int n = ex.size();
        boolean[] positive = new boolean[n];
        boolean[] flagged = new boolean[n];
        double[] scores = new double[n];
        long[] nanos = new long[n];
        List<Set<String>> flaggedCats = new ArrayList<>(n);
        List<String> predicted = new ArrayList<>(n);
        long failures = 0;
        String task = filter.name() + " on " + data.name();
        for (int i = 0; i < Math.min(WARM_UP, n); i++) {
            filter.judge(ex.get(i));
        }
        for (int i = 0; i < n; i++) {
            Example e = ex.get(i);
            long t0 = System.nanoTime();
            Judgement j = filter.judge(e);
            nanos[i] = System.nanoTime() - t0;
            if (j.failed()) failures++;
            Set<String> hits = new TreeSet<>();
            double best = 0;
            String top = CategoryDetection.NONE;
            double topScore = -1;
            for (String c : target) {
                double s = j.scores().getOrDefault(c, 0.0);
                best = Math.max(best, s);
                boolean hit = threshold.isPresent() ? s >= threshold.getAsDouble() : j.flagged().contains(c);
                if (hit) {
                    hits.add(c);
                    if (s > topScore) {
                        topScore = s;
                        top = c;
                    }
                }
            }
            positive[i] = e.positive();
            flagged[i] = !hits.isEmpty();
            scores[i] = best;
            flaggedCats.add(hits);
            predicted.add(top);
            if ((i & 63) == 0 || i == n - 1) progress.update(task, i + 1L, n);
        }
        progress.finish(task);

        Map<String, Double> thresholds = new TreeMap<>();
        for (String c : target) {
            thresholds.put(c, threshold.isPresent() ? threshold.getAsDouble() : filter.thresholds().getOrDefault(c, Double.NaN));
        }
        Map<String, Metrics> byCategory = groups(ex, positive, flagged, scores, Example::category);
        Map<String, Metrics> byLanguage = groups(ex, positive, flagged, scores, Example::language);
        boolean canonical = ex.stream().anyMatch(e -> !e.canonical().isEmpty());
        Optional<CategoryDetection> cats = canonical ? Optional.of(CategoryDetection.of(
                ex.stream().map(e -> e.positive() ? e.canonical() : "").toList(), flaggedCats, predicted))
                : Optional.empty();
        return new RunResult(data.name(), info.title(), info.reference(), data.licence(), filter.name(),
                filter.configuration(), List.copyOf(target), commonest(thresholds), thresholds,
                Metrics.of(positive, flagged, scores), byCategory.size() > 1 ? byCategory : Map.of(),
                byLanguage.size() > 1 ? byLanguage : Map.of(), cats, Latency.ofNanos(nanos), data.badRows(),
                data.issues().subList(0, Math.min(10, data.issues().size())), data.excluded(), failures, info.notes());
    }

    /** What reports say about the dataset beside its figures. */
    public record DatasetInfo(String title, String reference, String notes) {
        public static final DatasetInfo NONE = new DatasetInfo("", "", "");
    }

    private static Map<String, Metrics> groups(List<Example> ex, boolean[] positive, boolean[] flagged,
                                               double[] scores, Function<Example, String> key) {
        Map<String, List<Integer>> idx = new LinkedHashMap<>();
        for (int i = 0; i < ex.size(); i++) {
            String k = key.apply(ex.get(i));
            if (!k.isEmpty()) idx.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        }
        Map<String, Metrics> out = new TreeMap<>();
        idx.forEach((k, is) -> {
            boolean[] p = new boolean[is.size()];
            boolean[] f = new boolean[is.size()];
            double[] s = new double[is.size()];
            for (int j = 0; j < is.size(); j++) {
                p[j] = positive[is.get(j)];
                f[j] = flagged[is.get(j)];
                s[j] = scores[is.get(j)];
            }
            out.put(k, Metrics.of(p, f, s));
        });
        return out;
    }

    private static double commonest(Map<String, Double> thresholds) {
        Map<Double, Integer> counts = new HashMap<>();
        thresholds.values().forEach(t -> counts.merge(t, 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.<Double, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(Double.NaN);
    }
}
