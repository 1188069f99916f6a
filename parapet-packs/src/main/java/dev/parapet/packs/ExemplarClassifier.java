package dev.parapet.packs;

import dev.parapet.ml.linear.Platt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pack's in-JVM classifier, built at load time from its examples, with no training of Parapet's own models.
 * For each category, a text's margin is the mean cosine similarity of its {@value #K} nearest positive examples
 * minus that of its {@value #K} nearest negative examples (the category's own, and the other categories'
 * positives); Platt scaling, fitted on the leave-one-out margins of
 * the category's own examples, turns the margin into a calibrated probability. Immutable and thread-safe when
 * the embedder is.
 */
public final class ExemplarClassifier {

    /** Neighbours averaged on each side: robust to one odd example, still sharp with 20 examples. */
    public static final int K = 3;

    private final PolicyPack pack;
    private final TextEmbedder embedder;
    private final Map<String, Model> models;

    private record Model(float[][] positives, float[][] negatives, Platt platt, List<Outcome> leaveOneOut) {
    }

    /**
     * One example judged by the classifier built without it.
     *
     * @param example     the example
     * @param probability calibrated probability that it belongs to the category
     */
    public record Outcome(Example example, double probability) {

        public boolean predictedPositive() {
            return probability >= PolicyPack.DEFAULT_THRESHOLD;
        }
    }

    private ExemplarClassifier(PolicyPack pack, TextEmbedder embedder, Map<String, Model> models) {
        this.pack = pack;
        this.embedder = embedder;
        this.models = models;
    }

    /**
     * Embeds every distinct example once (in parallel: the embedder is thread-safe and this is most of the build
     * time) and calibrates every category on its leave-one-out margins.
     */
    public static ExemplarClassifier build(PolicyPack pack, TextEmbedder embedder) {
        Map<String, float[]> cache = new ConcurrentHashMap<>();
        pack.categories().stream().flatMap(c -> c.examples().stream()).map(Example::text).distinct().toList()
                .parallelStream().forEach(t -> cache.put(t, embedder.embed(t)));
        Map<String, Model> models = new LinkedHashMap<>();
        for (PackCategory c : pack.categories()) {
            List<Example> pos = c.positives();
            // The other categories' positives are negatives here too: it keeps categories apart.
            List<Example> neg = new ArrayList<>(c.negatives());
            java.util.Set<String> own = new java.util.HashSet<>();
            c.positives().forEach(e -> own.add(e.text()));
            pack.categories().stream().filter(o -> o != c).flatMap(o -> o.positives().stream())
                    .filter(e -> !own.contains(e.text())).forEach(neg::add);
            int ownNegatives = c.negatives().size();
            float[][] p = embedAll(pos, embedder, cache);
            float[][] n = embedAll(neg, embedder, cache);
            double[] margins = new double[pos.size() + ownNegatives];
            int[] labels = new int[margins.length];
            for (int i = 0; i < pos.size(); i++) {
                margins[i] = margin(p[i], p, n, i, -1);
                labels[i] = 1;
            }
            for (int i = 0; i < ownNegatives; i++) {
                margins[pos.size() + i] = margin(n[i], p, n, -1, i);
            }
            Platt platt = Platt.fit(margins, labels);
            List<Outcome> outcomes = new ArrayList<>(margins.length);
            for (int i = 0; i < margins.length; i++) {
                Example e = i < pos.size() ? pos.get(i) : neg.get(i - pos.size());
                outcomes.add(new Outcome(e, platt.probability(margins[i])));
            }
            models.put(c.id(), new Model(p, n, platt, List.copyOf(outcomes)));
        }
        return new ExemplarClassifier(pack, embedder, models);
    }

    private static float[][] embedAll(List<Example> examples, TextEmbedder embedder, Map<String, float[]> cache) {
        float[][] out = new float[examples.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = cache.computeIfAbsent(examples.get(i).text(), embedder::embed);
        }
        return out;
    }

    public PolicyPack pack() {
        return pack;
    }

    /** Calibrated probability per category id, in the pack's order. */
    public Map<String, Double> score(String text) {
        float[] v = embedder.embed(text);
        Map<String, Double> out = new LinkedHashMap<>();
        models.forEach((id, m) -> out.put(id, m.platt().probability(margin(v, m.positives(), m.negatives(), -1, -1))));
        return out;
    }

    /** Each example of a category judged by the classifier built without it (the Platt fit sees all margins). */
    public List<Outcome> leaveOneOut(String categoryId) {
        Model m = models.get(categoryId);
        if (m == null) {
            throw new IllegalArgumentException("pack " + pack.id() + " has no category '" + categoryId + "'");
        }
        return m.leaveOneOut();
    }

    private static double margin(float[] v, float[][] pos, float[][] neg, int skipPos, int skipNeg) {
        return topMean(v, pos, skipPos) - topMean(v, neg, skipNeg);
    }

    /** Mean similarity of the K most similar vectors, skipping one index (leave-one-out). */
    private static double topMean(float[] v, float[][] set, int skip) {
        double[] top = new double[K];
        java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
        int n = 0;
        for (int i = 0; i < set.length; i++) {
            if (i == skip) {
                continue;
            }
            double s = dot(v, set[i]);
            n++;
            // insertion into a tiny sorted array, largest first
            for (int j = 0; j < K; j++) {
                if (s > top[j]) {
                    System.arraycopy(top, j, top, j + 1, K - j - 1);
                    top[j] = s;
                    break;
                }
            }
        }
        int k = Math.min(K, n);
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += top[j];
        }
        return k == 0 ? 0 : sum / k;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
