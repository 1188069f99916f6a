package dev.parapet.ml.linear;

import java.util.Arrays;
import java.util.List;

/**
 * Platt scaling: a calibrated probability {@code 1 / (1 + exp(-(a * margin + b)))} from a raw model margin,
 * fitted on held-out examples so that a score of 0.8 means about 80% of such texts are positive.
 */
public record Platt(double a, double b) {

    /** No change: the sigmoid of the margin itself. */
    public static Platt identity() {
        return new Platt(1, 0);
    }

    public double probability(double margin) {
        return 1.0 / (1.0 + Math.exp(-(a * margin + b)));
    }

    /**
     * Fits a and b by maximum likelihood on margins and 0/1 labels, with Platt's smoothed targets
     * ((n+ + 1) / (n+ + 2) and 1 / (n- + 2)) so that a separable held-out set does not send a to infinity.
     */
    public static Platt fit(double[] margins, int[] labels) {
        double[] ones = new double[margins.length];
        Arrays.fill(ones, 1.0);
        return fit(margins, labels, ones);
    }

    /**
     * The same with a weight per example: the calibration of a model trained on reweighted data, for the data as
     * reweighted (weights of 1 give exactly the unweighted fit).
     */
    public static Platt fit(double[] margins, int[] labels, double[] weights) {
        if (margins.length != labels.length || margins.length != weights.length || margins.length == 0) {
            throw new IllegalArgumentException("need as many labels and weights as margins, and at least one");
        }
        double sum = positiveSum(weights);
        int pos = 0;
        for (int y : labels) {
            pos += y;
        }
        int neg = labels.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        DifferentiableFunction nll = (x, g) -> {
            double value = 0;
            g[0] = 0;
            g[1] = 0;
            for (int i = 0; i < margins.length; i++) {
                double t = labels[i] == 1 ? hi : lo;
                double z = x[0] * margins[i] + x[1];
                double p = 1.0 / (1.0 + Math.exp(-z));
                // log-loss in a form that cannot overflow
                double loss = z >= 0 ? (1 - t) * z + Math.log1p(Math.exp(-z)) : -t * z + Math.log1p(Math.exp(z));
                value += weights[i] * loss;
                g[0] += weights[i] * (p - t) * margins[i];
                g[1] += weights[i] * (p - t);
            }
            return value / sum;
        };
        DifferentiableFunction scaled = (x, g) -> {
            double v = nll.valueAndGradient(x, g);
            g[0] /= sum;
            g[1] /= sum;
            return v;
        };
        double[] ab = new Lbfgs(5, 200, 1e-12).minimize(scaled, new double[]{1, 0}).x();
        return new Platt(ab[0], ab[1]);
    }

    private static double positiveSum(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            if (!(w > 0)) {
                throw new IllegalArgumentException("weights must be positive");
            }
            sum += w;
        }
        return sum;
    }

    /** Convenience for lists. */
    public static Platt fit(List<Double> margins, List<Integer> labels) {
        return fit(margins.stream().mapToDouble(Double::doubleValue).toArray(),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
