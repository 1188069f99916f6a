package dev.parapet.eval.metric;

/**
 * Counts of a binary decision against labels. Rates that divide by zero are {@code NaN} (shown as "–" or null).
 */
public record Confusion(long tp, long fp, long fn, long tn) {

    public Confusion {
        if (tp < 0 || fp < 0 || fn < 0 || tn < 0) throw new IllegalArgumentException("negative count");
    }

    /** Counts decisions: {@code flagged[i]} against {@code positive[i]}. */
    public static Confusion of(boolean[] positive, boolean[] flagged) {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < positive.length; i++) {
            if (positive[i]) {
                if (flagged[i]) tp++;
                else fn++;
            } else if (flagged[i]) fp++;
            else tn++;
        }
        return new Confusion(tp, fp, fn, tn);
    }

    public long n() {
        return tp + fp + fn + tn;
    }

    public long positives() {
        return tp + fn;
    }

    public long negatives() {
        return fp + tn;
    }

    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** Recall, the true-positive rate. */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** The false-positive rate: benign texts flagged. */
    public double fpr() {
        return ratio(fp, fp + tn);
    }

    /** F1, the harmonic mean of precision and recall; 0 when nothing positive was found, NaN with no positives. */
    public double f1() {
        if (tp + fn == 0) return Double.NaN;
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    public double accuracy() {
        return ratio(tp + tn, n());
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
