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
    private final float[] weights; // (classes - 1) rows of dimension
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
        this.weights = weights.clone();
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
        double[] logits = new double[classes];
        for (int k = 1; k < classes; k++) {
            logits[k] = bias[k - 1] + x.dot(weights, (k - 1) * dimension);
        }
        return softmax(logits);
    }

    /** The logit of class 1 against class 0: the raw score of a binary model. */
    @Override
    public double margin(SparseVector x) {
        return bias[0] + x.dot(weights, 0);
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
        for (float w : weights) {
            out.writeFloat(w);
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
