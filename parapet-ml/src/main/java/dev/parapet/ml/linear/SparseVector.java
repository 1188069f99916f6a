package dev.parapet.ml.linear;

import java.util.Objects;

/**
 * A feature vector as parallel index and value arrays. Indices may repeat: every use is linear (dot
 * products and gradients), so a repeated index simply adds up, which lets hashed features be folded into a
 * smaller space without merging.
 */
public record SparseVector(int[] indices, float[] values) {

    public SparseVector {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(values, "values");
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
    }

    /** A dense vector seen as sparse: index i holds {@code dense[i]}. */
    public static SparseVector dense(float[] dense) {
        int[] idx = new int[dense.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return new SparseVector(idx, dense.clone());
    }

    /** This vector as a dense array of {@code dimension} values (repeated indices add up). */
    public float[] toDense(int dimension) {
        float[] out = new float[dimension];
        for (int i = 0; i < indices.length; i++) {
            out[indices[i]] += values[i];
        }
        return out;
    }

    public int size() {
        return indices.length;
    }

    /** The largest index plus one, or 0 when empty. */
    public int minDimension() {
        int max = -1;
        for (int i : indices) {
            max = Math.max(max, i);
        }
        return max + 1;
    }

    /** This vector with every index masked to {@code bits} bits (the hashing trick applied again). */
    public SparseVector fold(int bits) {
        int mask = (1 << bits) - 1;
        int[] idx = new int[indices.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = indices[i] & mask;
        }
        return new SparseVector(idx, values);
    }

    /** {@code sum_i values[i] * w[offset + indices[i]]}. */
    public double dot(float[] w, int offset) {
        double s = 0;
        for (int i = 0; i < indices.length; i++) {
            s += values[i] * w[offset + indices[i]];
        }
        return s;
    }

    /** Same as {@link #dot(float[], int)} over doubles (used while training). */
    public double dot(double[] w, int offset) {
        double s = 0;
        for (int i = 0; i < indices.length; i++) {
            s += values[i] * w[offset + indices[i]];
        }
        return s;
    }
}
