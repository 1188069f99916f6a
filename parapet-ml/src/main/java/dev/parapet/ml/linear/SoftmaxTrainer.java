package dev.parapet.ml.linear;

import java.util.List;

/**
 * Fits a {@link SoftmaxRegression} by minimising the weighted mean cross-entropy plus an L2 penalty on the
 * weights (not the biases) with {@link Lbfgs}. Sums run in example order on one thread, so the same input
 * gives the same model bit for bit.
 *
 * @param l2    the L2 penalty strength
 * @param lbfgs the optimiser settings
 */
public record SoftmaxTrainer(double l2, Lbfgs lbfgs) {

    public SoftmaxTrainer {
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("l2 must be >= 0, was " + l2);
        }
    }

    /**
     * @param xs        feature vectors, every index below {@code dimension}
     * @param ys        class of each vector, in 0..classes-1
     * @param weights   weight of each example (e.g. to balance classes); positive
     */
    public SoftmaxRegression train(List<SparseVector> xs, int[] ys, double[] weights, int classes, int dimension) {
        if (xs.size() != ys.length || ys.length != weights.length || xs.isEmpty()) {
            throw new IllegalArgumentException("need as many labels and weights as vectors, and at least one");
        }
        double total = 0;
        for (int i = 0; i < ys.length; i++) {
            if (ys[i] < 0 || ys[i] >= classes) {
                throw new IllegalArgumentException("label " + ys[i] + " outside 0.." + (classes - 1));
            }
            if (!(weights[i] > 0)) {
                throw new IllegalArgumentException("example weights must be positive");
            }
            if (xs.get(i).minDimension() > dimension) {
                throw new IllegalArgumentException("feature index beyond dimension " + dimension);
            }
            total += weights[i];
        }
        final double norm = total;
        int rows = classes - 1;
        int biasAt = rows * dimension;
        DifferentiableFunction loss = (x, grad) -> {
            java.util.Arrays.fill(grad, 0);
            double value = 0;
            double[] logits = new double[classes];
            for (int i = 0; i < ys.length; i++) {
                SparseVector v = xs.get(i);
                logits[0] = 0;
                for (int k = 1; k < classes; k++) {
                    logits[k] = x[biasAt + k - 1] + v.dot(x, (k - 1) * dimension);
                }
                double[] p = SoftmaxRegression.softmax(logits);
                double w = weights[i] / norm;
                value -= w * Math.log(Math.max(p[ys[i]], 1e-300));
                for (int k = 1; k < classes; k++) {
                    double d = w * (p[k] - (ys[i] == k ? 1 : 0));
                    if (d == 0) {
                        continue;
                    }
                    int off = (k - 1) * dimension;
                    int[] idx = v.indices();
                    float[] val = v.values();
                    for (int j = 0; j < idx.length; j++) {
                        grad[off + idx[j]] += d * val[j];
                    }
                    grad[biasAt + k - 1] += d;
                }
            }
            double penalty = 0;
            for (int j = 0; j < biasAt; j++) {
                penalty += x[j] * x[j];
                grad[j] += l2 * x[j];
            }
            return value + 0.5 * l2 * penalty;
        };
        double[] solution = lbfgs.minimize(loss, new double[biasAt + rows]).x();
        float[] w = new float[biasAt];
        for (int j = 0; j < biasAt; j++) {
            w[j] = (float) solution[j];
        }
        float[] b = new float[rows];
        for (int k = 0; k < rows; k++) {
            b[k] = (float) solution[biasAt + k];
        }
        return new SoftmaxRegression(classes, dimension, w, b);
    }
}
