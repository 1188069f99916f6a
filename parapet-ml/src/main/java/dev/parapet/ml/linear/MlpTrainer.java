package dev.parapet.ml.linear;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fits an {@link MlpModel} by minimising the weighted mean log-loss plus an L2 penalty on both weight layers
 * with {@link Lbfgs}, from a start drawn by {@link Random} under a fixed seed (Gaussian, scaled by
 * 1/sqrt(inputs)). Sums run in example order on one thread, so the same input gives the same model bit for bit.
 *
 * @param hidden hidden units
 * @param l2     penalty strength
 * @param seed   seeds the starting weights
 * @param lbfgs  optimiser settings
 */
public record MlpTrainer(int hidden, double l2, long seed, Lbfgs lbfgs) {

    public MlpTrainer {
        if (hidden < 1 || !(l2 >= 0)) {
            throw new IllegalArgumentException("bad MLP settings: hidden " + hidden + ", l2 " + l2);
        }
    }

    /** @param ys 0 or 1 per vector; {@code weights} positive */
    public MlpModel train(List<SparseVector> xs, int[] ys, double[] weights, int dimension) {
        if (xs.size() != ys.length || ys.length != weights.length || xs.isEmpty()) {
            throw new IllegalArgumentException("need as many labels and weights as vectors, and at least one");
        }
        double total = 0;
        for (int i = 0; i < ys.length; i++) {
            if (ys[i] != 0 && ys[i] != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, found " + ys[i]);
            }
            if (xs.get(i).minDimension() > dimension) {
                throw new IllegalArgumentException("feature index beyond dimension " + dimension);
            }
            total += weights[i];
        }
        final double norm = total;
        int w1n = hidden * dimension;
        int b1At = w1n;
        int w2At = b1At + hidden;
        int b2At = w2At + hidden;
        double[] start = new double[b2At + 1];
        Random rnd = new Random(seed);
        double scale = 1 / Math.sqrt(dimension);
        for (int j = 0; j < w1n; j++) {
            start[j] = rnd.nextGaussian() * scale;
        }
        for (int h = 0; h < hidden; h++) {
            start[w2At + h] = rnd.nextGaussian() / Math.sqrt(hidden);
        }
        DifferentiableFunction loss = (p, g) -> {
            Arrays.fill(g, 0);
            double value = 0;
            double[] a = new double[hidden];
            for (int i = 0; i < ys.length; i++) {
                SparseVector x = xs.get(i);
                double m = p[b2At];
                for (int h = 0; h < hidden; h++) {
                    a[h] = Math.tanh(p[b1At + h] + x.dot(p, h * dimension));
                    m += p[w2At + h] * a[h];
                }
                double w = weights[i] / norm;
                // log(1 + e^-m) for y=1, log(1 + e^m) for y=0, in a form that cannot overflow
                double z = ys[i] == 1 ? -m : m;
                value += w * (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
                double d = w * (1 / (1 + Math.exp(-m)) - ys[i]);
                g[b2At] += d;
                int[] idx = x.indices();
                float[] val = x.values();
                for (int h = 0; h < hidden; h++) {
                    g[w2At + h] += d * a[h];
                    double dh = d * p[w2At + h] * (1 - a[h] * a[h]);
                    g[b1At + h] += dh;
                    int off = h * dimension;
                    for (int j = 0; j < idx.length; j++) {
                        g[off + idx[j]] += dh * val[j];
                    }
                }
            }
            double penalty = 0;
            for (int j = 0; j < w1n; j++) {
                penalty += p[j] * p[j];
                g[j] += l2 * p[j];
            }
            for (int h = 0; h < hidden; h++) {
                penalty += p[w2At + h] * p[w2At + h];
                g[w2At + h] += l2 * p[w2At + h];
            }
            return value + 0.5 * l2 * penalty;
        };
        double[] sol = lbfgs.minimize(loss, start).x();
        float[] w1 = new float[w1n];
        for (int j = 0; j < w1n; j++) {
            w1[j] = (float) sol[j];
        }
        float[] b1 = new float[hidden];
        float[] w2 = new float[hidden];
        for (int h = 0; h < hidden; h++) {
            b1[h] = (float) sol[b1At + h];
            w2[h] = (float) sol[w2At + h];
        }
        return new MlpModel(dimension, hidden, w1, b1, w2, (float) sol[b2At]);
    }
}
