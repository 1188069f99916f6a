package dev.parapet.ml.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures of a model on held-out training rows (never on a test split): precision, recall, F1 and
 * false-positive rate at a threshold, average precision (AUPRC), precision among texts scored 0.8 or more
 * (a check of calibration), flag rates per dataset and per language, and the category head's accuracy.
 * Each {@code byDataset} and {@code byLanguage} entry holds rows, rows flagged, unsafe rows, unsafe rows flagged.
 */
public record HeldOutMetrics(int n, int positives, double threshold, double precision, double recall, double f1,
                             double fpr, double auprc, double precisionAt08, int countAt08,
                             double categoryAccuracy, Map<String, double[]> byDataset,
                             Map<String, double[]> byLanguage) {

    /**
     * @param scores         calibrated unsafe scores
     * @param predicted      the category head's top category per example (for unsafe rows with a category)
     */
    public static HeldOutMetrics of(List<Example> examples, double[] scores, List<String> predicted,
                                    double threshold) {
        int tp = 0, fp = 0, fn = 0, tn = 0, hi = 0, hiTrue = 0, catN = 0, catOk = 0;
        Map<String, double[]> byDataset = new TreeMap<>();
        Map<String, double[]> byLanguage = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            boolean flag = scores[i] >= threshold;
            if (e.unsafe()) {
                if (flag) tp++; else fn++;
            } else {
                if (flag) fp++; else tn++;
            }
            if (scores[i] >= 0.8) {
                hi++;
                hiTrue += e.unsafe() ? 1 : 0;
            }
            if (e.unsafe() && !e.category().isEmpty()) {
                catN++;
                catOk += e.category().equals(predicted.get(i)) ? 1 : 0;
            }
            for (double[] d : new double[][]{byDataset.computeIfAbsent(e.dataset(), k -> new double[4]),
                    byLanguage.computeIfAbsent(e.lang().isEmpty() ? "unknown" : e.lang(), k -> new double[4])}) {
                d[0]++;
                d[1] += flag ? 1 : 0;
                d[2] += e.unsafe() ? 1 : 0;
                d[3] += flag && e.unsafe() ? 1 : 0;
            }
        }
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        return new HeldOutMetrics(examples.size(), tp + fn, threshold, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r),
                fp + tn == 0 ? 0 : (double) fp / (fp + tn), averagePrecision(examples, scores),
                hi == 0 ? Double.NaN : (double) hiTrue / hi, hi, catN == 0 ? Double.NaN : (double) catOk / catN,
                byDataset, byLanguage);
    }

    /** Average precision: the mean of precision at each positive, ranked by score (ties by input order). */
    static double averagePrecision(List<Example> examples, double[] scores) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        int seen = 0, pos = 0;
        double sum = 0;
        for (int i : order) {
            seen++;
            if (examples.get(i).unsafe()) {
                pos++;
                sum += (double) pos / seen;
            }
        }
        return pos == 0 ? 0 : sum / pos;
    }

    private static String share(double part, double whole) {
        return whole == 0 ? "    -" : String.format(Locale.ROOT, "%5.1f%%", 100 * part / whole);
    }

    /** A few lines for people. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "held-out rows %d (%d unsafe); at threshold %.2f: precision %.3f, "
                        + "recall %.3f, F1 %.3f, FPR %.3f; AUPRC %.3f; precision of scores >= 0.8: %.3f (%d rows); "
                        + "category accuracy %.3f%n", n, positives, threshold, precision, recall, f1, fpr, auprc,
                precisionAt08, countAt08, categoryAccuracy));
        byDataset.forEach((k, d) -> sb.append(String.format(Locale.ROOT, "  %-28s %5d rows, %5.1f%% unsafe, "
                + "flagged %5.1f%%%n", k, (int) d[0], 100 * d[2] / d[0], 100 * d[1] / d[0])));
        sb.append("by language:\n");
        // Per language, the two sides apart: a language's ordinary text flagged is what its users meet.
        byLanguage.forEach((k, d) -> sb.append(String.format(Locale.ROOT, "  lang %-10s %5d rows, %5.1f%% unsafe, "
                        + "benign flagged %s, unsafe flagged %s%n", k, (int) d[0], 100 * d[2] / d[0],
                share(d[1] - d[3], d[0] - d[2]), share(d[3], d[2]))));
        return sb.toString();
    }
}
