package dev.parapet.ml.linear;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A trained multinomial logistic regression over {@code classes} classes and {@code dimension} features.
 * Class 0 is the reference class (its logit is 0), so a binary model holds one weight vector. Immutable.
 */
public final class SoftmaxRegression implements MarginModel {

    private final int classes;
    private final int dimension;
    /**
     * Feature-major: the weights of feature j for classes 1..classes-1 at {@code j * (classes - 1)}, so that scoring
     * a sparse vector reads one cache line per feature instead of one per feature and class (the category head
     * has 14 rows of 2^15 floats, far more than the cache holds). The file keeps the class-major order.
     */
    private final float[] weights;
    private final float[] bias;    // classes - 1

    public SoftmaxRegression(int classes, int dimension, float[] weights, float[] bias) {
        if (classes < 2 || dimension < 1) {
            throw new IllegalArgumentException("need 2+ classes and 1+ features, got " + classes + " and " + dimension);
        }
        if (weights.length != (long) (classes - 1) * dimension || bias.length != classes - 1) {
            throw new IllegalArgumentException("weights do not fit " + classes + " classes x " + dimension);
        }
        this.classes = classes;
        this.dimension = dimension;
        int rows = classes - 1;
        this.weights = new float[weights.length];
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < dimension; j++) {
                this.weights[j * rows + k] = weights[k * dimension + j];
            }
        }
        this.bias = bias.clone();
    }

    public int classes() {
        return classes;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The class probabilities of {@code x}; indices beyond the dimension are an error. */
    public double[] probabilities(SparseVector x) {
        return masked(x, -1);
    }

    /**
     * The class probabilities of {@code x.fold(bits)} (see {@link SparseVector#fold}), without building the
     * folded vector.
     */
    public double[] probabilities(SparseVector x, int bits) {
        return masked(x, (1 << bits) - 1);
    }

    /** The probabilities with every index of {@code x} masked by {@code mask} (-1: as it is). */
    private double[] masked(SparseVector x, int mask) {
        int rows = classes - 1;
        int[] indices = x.indices();
        float[] values = x.values();
        // Each class's sum adds the same float products in the same order as a dot product with its row, so the
        // bits are the same; four classes at a time keep four independent sums in registers.
        double[] sums = new double[rows];
        int k = 0;
        for (; k + 4 <= rows; k += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < indices.length; i++) {
                float v = values[i];
                int at = (indices[i] & mask) * rows + k;
                s0 += v * weights[at];
                s1 += v * weights[at + 1];
                s2 += v * weights[at + 2];
                s3 += v * weights[at + 3];
            }
            sums[k] = s0;
            sums[k + 1] = s1;
            sums[k + 2] = s2;
            sums[k + 3] = s3;
        }
        for (; k < rows; k++) {
            double s = 0;
            for (int i = 0; i < indices.length; i++) {
                s += values[i] * weights[(indices[i] & mask) * rows + k];
            }
            sums[k] = s;
        }
        double[] logits = new double[classes];
        for (int c = 1; c < classes; c++) {
            logits[c] = bias[c - 1] + sums[c - 1];
        }
        return softmax(logits);
    }

    /** The logit of class 1 against class 0: the raw score of a binary model. */
    @Override
    public double margin(SparseVector x) {
        int rows = classes - 1;
        int[] indices = x.indices();
        float[] values = x.values();
        double s = 0;
        for (int i = 0; i < indices.length; i++) {
            s += values[i] * weights[indices[i] * rows];
        }
        return bias[0] + s;
    }

    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeInt(classes);
        out.writeInt(dimension);
        int rows = classes - 1;
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < dimension; j++) {
                out.writeFloat(weights[j * rows + k]);
            }
        }
        for (float b : bias) {
            out.writeFloat(b);
        }
    }

    public static SoftmaxRegression read(DataInput in) throws IOException {
        return readAfterClasses(in.readInt(), in);
    }

    /** Reads the rest of a model whose class count was already read. */
    static SoftmaxRegression readAfterClasses(int classes, DataInput in) throws IOException {
        int dimension = in.readInt();
        if (classes < 2 || classes > 1024 || dimension < 1 || dimension > (1 << 24)) {
            throw new IOException("bad softmax header: " + classes + " classes, " + dimension + " features");
        }
        float[] w = new float[(classes - 1) * dimension];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.readFloat();
        }
        float[] b = new float[classes - 1];
        for (int i = 0; i < b.length; i++) {
            b[i] = in.readFloat();
        }
        return new SoftmaxRegression(classes, dimension, w, b);
    }
}
