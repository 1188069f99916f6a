package dev.parapet.eval.metric;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whether a filter names the right canonical category, for datasets whose labels map to canonical categories.
 * For each labelled category {@code c}: a true positive is an example labelled {@code c} that the filter flags
 * under {@code c}; a false positive is any other example flagged under {@code c}. The confusion table counts, for
 * each labelled category (or {@code safe} for negatives), the category the filter flagged with the highest score,
 * or {@code none}.
 *
 * @param perCategory counts per labelled canonical category
 * @param confusion   labelled category → predicted category → count
 */
public record CategoryDetection(Map<String, Confusion> perCategory, Map<String, Map<String, Long>> confusion) {

    /** The label used for negatives in the confusion table. */
    public static final String SAFE = "safe";
    /** The prediction used when nothing was flagged. */
    public static final String NONE = "none";

    public CategoryDetection {
        perCategory = Collections.unmodifiableMap(new TreeMap<>(perCategory));
        Map<String, Map<String, Long>> c = new TreeMap<>();
        confusion.forEach((k, v) -> c.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        confusion = Collections.unmodifiableMap(c);
    }

    /**
     * @param labels     each example's canonical category, or "" for a negative
     * @param flagged    the categories the filter flagged for each example
     * @param predicted  the single category the filter flagged with the highest score, or {@link #NONE}
     */
    public static CategoryDetection of(List<String> labels, List<? extends Set<String>> flagged,
                                       List<String> predicted) {
        Map<String, long[]> counts = new TreeMap<>();
        for (String l : labels) {
            if (!l.isEmpty()) counts.computeIfAbsent(l, k -> new long[4]);
        }
        Map<String, Map<String, Long>> table = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                boolean isC = e.getKey().equals(label);
                boolean saysC = flagged.get(i).contains(e.getKey());
                long[] c = e.getValue();
                c[isC ? (saysC ? 0 : 2) : (saysC ? 1 : 3)]++;
            }
            table.computeIfAbsent(label.isEmpty() ? SAFE : label, k -> new TreeMap<>())
                    .merge(predicted.get(i), 1L, Long::sum);
        }
        Map<String, Confusion> per = new TreeMap<>();
        counts.forEach((k, c) -> per.put(k, new Confusion(c[0], c[1], c[2], c[3])));
        return new CategoryDetection(per, table);
    }

    /** The mean F1 over the labelled categories (a category the filter never finds counts as 0). */
    public double macroF1() {
        return perCategory.values().stream().mapToDouble(c -> {
            double f = c.f1();
            return Double.isNaN(f) ? 0 : f;
        }).average().orElse(Double.NaN);
    }
}
