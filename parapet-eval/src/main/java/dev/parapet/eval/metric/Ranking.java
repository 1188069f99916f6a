package dev.parapet.eval.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Threshold-free measures of how well scores rank positives above negatives. Tied scores form one threshold step,
 * as in scikit-learn: AUPRC is average precision, {@code Σ (R_k − R_{k−1}) · P_k} over the distinct scores from
 * high to low; ROC-AUC is the trapezoidal area under (FPR, TPR), which equals the probability that a random
 * positive scores above a random negative, ties counting half.
 *
 * @param auprc          average precision; NaN unless both classes are present (with only positives it would be a
 *                       trivial 1)
 * @param rocAuc         area under the ROC curve; NaN unless both classes are present
 * @param recallAtFpr1   the highest recall at a threshold whose false-positive rate is at most 1%
 * @param recallAtFpr5   the same at 5%
 * @param curve          the precision–recall points, one per distinct score, from high to low
 */
public record Ranking(double auprc, double rocAuc, double recallAtFpr1, double recallAtFpr5, List<Point> curve) {

    /** One threshold step: flag everything scoring at least {@code threshold}. */
    public record Point(double threshold, double recall, double precision, double fpr) {
    }

    public Ranking {
        curve = List.copyOf(curve);
    }

    /** Ranks {@code scores[i]} against {@code positive[i]}. */
    public static Ranking of(boolean[] positive, double[] scores) {
        int n = positive.length;
        if (scores.length != n) throw new IllegalArgumentException("labels and scores differ in length");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        long p = 0;
        for (boolean b : positive) if (b) p++;
        long neg = n - p;

        List<Point> curve = new ArrayList<>();
        double ap = 0, auc = 0, prevRecall = 0, prevFpr = 0, prevTpr = 0;
        double r1 = 0, r5 = 0;
        long tp = 0, fp = 0;
        int i = 0;
        while (i < n) {
            double s = scores[order[i]];
            while (i < n && scores[order[i]] == s) {
                if (positive[order[i]]) tp++;
                else fp++;
                i++;
            }
            double recall = p == 0 ? Double.NaN : (double) tp / p;
            double precision = (double) tp / (tp + fp);
            double fpr = neg == 0 ? Double.NaN : (double) fp / neg;
            curve.add(new Point(s, recall, precision, fpr));
            if (p > 0) {
                ap += (recall - prevRecall) * precision;
                prevRecall = recall;
            }
            if (p > 0 && neg > 0) {
                auc += (fpr - prevFpr) * (recall + prevTpr) / 2;
                prevFpr = fpr;
                prevTpr = recall;
                if (fpr <= 0.01) r1 = recall;
                if (fpr <= 0.05) r5 = recall;
            }
        }
        boolean both = p > 0 && neg > 0;
        return new Ranking(both ? ap : Double.NaN, both ? auc : Double.NaN, both ? r1 : Double.NaN,
                both ? r5 : Double.NaN, curve);
    }

    /** At most {@code max} points of the curve, evenly spaced, keeping the first and the last (for charts). */
    public List<Point> curve(int max) {
        if (curve.size() <= max) return curve;
        List<Point> out = new ArrayList<>();
        for (int k = 0; k < max; k++) {
            out.add(curve.get((int) Math.round((double) k * (curve.size() - 1) / (max - 1))));
        }
        return out;
    }
}
