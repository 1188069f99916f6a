package dev.parapet.ml.linear;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A binary classifier with one hidden layer: {@code margin = b2 + sum_h w2[h] * tanh(b1[h] + W1[h] . x)}.
 * Small enough to keep dense (e.g. 384 inputs, 32 hidden units). Immutable.
 */
public final class MlpModel implements MarginModel {

    /** Written in place of a class count to tell this model from a {@link SoftmaxRegression}. */
    static final int MARKER = -1;

    private final int dimension;
    private final int hidden;
    private final float[] w1; // hidden rows of dimension
    private final float[] b1;
    private final float[] w2;
    private final float b2;

    public MlpModel(int dimension, int hidden, float[] w1, float[] b1, float[] w2, float b2) {
        if (dimension < 1 || hidden < 1 || w1.length != (long) dimension * hidden || b1.length != hidden
                || w2.length != hidden) {
            throw new IllegalArgumentException("MLP weights do not fit " + dimension + " inputs x " + hidden + " hidden");
        }
        this.dimension = dimension;
        this.hidden = hidden;
        this.w1 = w1.clone();
        this.b1 = b1.clone();
        this.w2 = w2.clone();
        this.b2 = b2;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public int hidden() {
        return hidden;
    }

    @Override
    public double margin(SparseVector x) {
        double m = b2;
        for (int h = 0; h < hidden; h++) {
            m += w2[h] * Math.tanh(b1[h] + x.dot(w1, h * dimension));
        }
        return m;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeInt(MARKER);
        out.writeInt(dimension);
        out.writeInt(hidden);
        for (float v : w1) {
            out.writeFloat(v);
        }
        for (float v : b1) {
            out.writeFloat(v);
        }
        for (float v : w2) {
            out.writeFloat(v);
        }
        out.writeFloat(b2);
    }

    /** Reads the body that follows the {@link #MARKER}. */
    static MlpModel readBody(DataInput in) throws IOException {
        int d = in.readInt();
        int h = in.readInt();
        if (d < 1 || d > 1 << 16 || h < 1 || h > 4096) {
            throw new IOException("bad MLP header: " + d + " inputs, " + h + " hidden");
        }
        float[] w1 = new float[d * h];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = in.readFloat();
        }
        float[] b1 = new float[h];
        for (int i = 0; i < h; i++) {
            b1[i] = in.readFloat();
        }
        float[] w2 = new float[h];
        for (int i = 0; i < h; i++) {
            w2[i] = in.readFloat();
        }
        return new MlpModel(d, h, w1, b1, w2, in.readFloat());
    }

    /** Reads a binary head written by {@link MlpModel#write} or {@link SoftmaxRegression#write}. */
    public static MarginModel readMarginModel(DataInput in) throws IOException {
        int first = in.readInt();
        if (first == MARKER) {
            return readBody(in);
        }
        SoftmaxRegression s = SoftmaxRegression.readAfterClasses(first, in);
        if (s.classes() != 2) {
            throw new IOException("a binary head has 2 classes, not " + s.classes());
        }
        return s;
    }
}
