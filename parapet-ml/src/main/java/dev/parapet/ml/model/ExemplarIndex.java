package dev.parapet.ml.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Labelled training texts as unit-length embeddings, asked "what do the texts nearest to this one say?": the k
 * nearest exemplars (cosine) vote unsafe or benign, each weighted by exp(similarity / temperature), and those of
 * them that are unsafe with a known category vote, with the same weights, for their category. Written here
 * because the job is small and specific (a few tens of thousands of 384-dimension vectors, one query at a time,
 * bit-for-bit reproducible files): the vectors are stored as int8 codes with one scale each, grouped into the cells
 * of a k-means partition; a query scans only the {@code probe} cells whose centroids are nearest (an inverted-file
 * index), about a tenth of the exemplars. Immutable and thread-safe.
 */
public final class ExemplarIndex {

    private static final int KMEANS_ITERATIONS = 8;

    private final int dimension;
    private final int k;
    private final double temperature;
    private final int probe;
    private final float[] centroids;
    private final int[] cellStart;
    private final byte[] codes;
    private final float[] scales;
    private final boolean[] unsafe;
    private final int categories; // how many categories the exemplars' indices refer to; 0 when none carry one
    private final byte[] category; // per exemplar, its category's index, or -1

    /**
     * What the nearest exemplars say.
     *
     * @param unsafe     the share of the vote (0..1) given to unsafe
     * @param categories per category index, its share of the vote of the neighbours that have a category (sums
     *                   to 1); empty when none of them has one
     */
    public record Vote(double unsafe, double[] categories) {
    }

    private ExemplarIndex(int dimension, int k, double temperature, int probe, float[] centroids, int[] cellStart,
                          byte[] codes, float[] scales, boolean[] unsafe, int categories, byte[] category) {
        this.dimension = dimension;
        this.k = k;
        this.temperature = temperature;
        this.probe = probe;
        this.centroids = centroids;
        this.cellStart = cellStart;
        this.codes = codes;
        this.scales = scales;
        this.unsafe = unsafe;
        this.categories = categories;
        this.category = category;
    }

    /**
     * Builds the index. Deterministic: the same vectors in the same order give the same index.
     *
     * @param vectors     unit-length embeddings, all of one dimension
     * @param unsafe      each vector's label
     * @param category    each vector's category as an index below {@code categories}, or -1 for none
     * @param categories  how many categories there are (at most 127)
     * @param k           neighbours that vote
     * @param temperature the softness of the vote's weights
     * @param cells       k-means cells
     * @param probe       cells scanned per query
     */
    public static ExemplarIndex build(List<float[]> vectors, boolean[] unsafe, int[] category, int categories, int k,
                                      double temperature, int cells, int probe) {
        int n = vectors.size();
        if (n == 0 || n != unsafe.length || n != category.length) {
            throw new IllegalArgumentException("need one label and one category per vector and at least one vector");
        }
        if (categories < 0 || categories > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("bad category count " + categories);
        }
        for (int c : category) {
            if (c < -1 || c >= categories) {
                throw new IllegalArgumentException("category index " + c + " of " + categories + " categories");
            }
        }
        if (k < 1 || !(temperature > 0) || cells < 1 || probe < 1 || probe > cells || cells > n) {
            throw new IllegalArgumentException("bad exemplar settings: k " + k + ", temperature " + temperature
                    + ", cells " + cells + ", probe " + probe + " for " + n + " exemplars");
        }
        int dim = vectors.get(0).length;
        float[] centroids = new float[cells * dim];
        for (int c = 0; c < cells; c++) {
            System.arraycopy(vectors.get((int) ((long) c * n / cells)), 0, centroids, c * dim, dim);
        }
        int[] cellOf = new int[n];
        for (int it = 0; it < KMEANS_ITERATIONS; it++) {
            for (int i = 0; i < n; i++) {
                cellOf[i] = nearest(centroids, cells, dim, vectors.get(i));
            }
            double[] sum = new double[cells * dim];
            int[] size = new int[cells];
            for (int i = 0; i < n; i++) {
                float[] v = vectors.get(i);
                int off = cellOf[i] * dim;
                for (int d = 0; d < dim; d++) {
                    sum[off + d] += v[d];
                }
                size[cellOf[i]]++;
            }
            for (int c = 0; c < cells; c++) {
                if (size[c] == 0) {
                    continue; // an empty cell keeps its centroid
                }
                double norm = 0;
                for (int d = 0; d < dim; d++) {
                    norm += sum[c * dim + d] * sum[c * dim + d];
                }
                double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
                for (int d = 0; d < dim; d++) {
                    centroids[c * dim + d] = (float) (sum[c * dim + d] * inv);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            cellOf[i] = nearest(centroids, cells, dim, vectors.get(i));
        }
        int[] cellStart = new int[cells + 1];
        for (int i = 0; i < n; i++) {
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] next = cellStart.clone();
        byte[] codes = new byte[n * dim];
        float[] scales = new float[n];
        boolean[] labels = new boolean[n];
        byte[] categoryOf = new byte[n];
        for (int i = 0; i < n; i++) {
            int slot = next[cellOf[i]]++;
            float[] v = vectors.get(i);
            float max = 0;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            float scale = max == 0 ? 1 : max / 127f;
            for (int d = 0; d < dim; d++) {
                codes[slot * dim + d] = (byte) Math.round(v[d] / scale);
            }
            scales[slot] = scale;
            labels[slot] = unsafe[i];
            categoryOf[slot] = (byte) category[i];
        }
        return new ExemplarIndex(dim, k, temperature, probe, centroids, cellStart, codes, scales, labels, categories,
                categoryOf);
    }

    private static int nearest(float[] centroids, int cells, int dim, float[] v) {
        int best = 0;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cells; c++) {
            double s = dot(centroids, c * dim, v);
            if (s > bestSim) {
                bestSim = s;
                best = c;
            }
        }
        return best;
    }

    private static double dot(float[] a, int off, float[] v) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0; // four sums: the adds of one do not wait for the others
        int d = 0;
        for (; d + 3 < v.length; d += 4) {
            s0 += a[off + d] * v[d];
            s1 += a[off + d + 1] * v[d + 1];
            s2 += a[off + d + 2] * v[d + 2];
            s3 += a[off + d + 3] * v[d + 3];
        }
        for (; d < v.length; d++) {
            s0 += a[off + d] * v[d];
        }
        return s0 + s1 + s2 + s3;
    }

    public int size() {
        return scales.length;
    }

    public int dimension() {
        return dimension;
    }

    /** How many categories the exemplars' category indices refer to (0 when they carry none). */
    public int categories() {
        return categories;
    }

    /** What the k nearest exemplars say about {@code v}. */
    public Vote vote(float[] v) {
        if (v.length != dimension) {
            throw new IllegalArgumentException("a vector of " + v.length + " for an index of " + dimension);
        }
        int cells = cellStart.length - 1;
        double[] cellSim = new double[cells];
        for (int c = 0; c < cells; c++) {
            cellSim[c] = dot(centroids, c * dimension, v);
        }
        double[] topSim = new double[k];
        int[] topSlot = new int[k];
        int filled = 0;
        int min = 0; // the slot of the least similar of the k kept, once all k are filled
        boolean[] taken = new boolean[cells];
        for (int p = 0; p < probe; p++) {
            int cell = -1;
            for (int c = 0; c < cells; c++) {
                if (!taken[c] && (cell < 0 || cellSim[c] > cellSim[cell])) {
                    cell = c;
                }
            }
            taken[cell] = true;
            for (int i = cellStart[cell]; i < cellStart[cell + 1]; i++) {
                double s = scales[i] * codeDot(i, v);
                if (filled < k) {
                    topSim[filled] = s;
                    topSlot[filled] = i;
                    if (++filled == k) {
                        min = leastAt(topSim);
                    }
                } else if (s > topSim[min]) {
                    topSim[min] = s;
                    topSlot[min] = i;
                    min = leastAt(topSim); // only when the kept set changes, not for every exemplar scanned
                }
            }
        }
        if (filled == 0) {
            return new Vote(0.5, new double[0]);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < filled; j++) {
            max = Math.max(max, topSim[j]);
        }
        double yes = 0;
        double all = 0;
        double[] byCategory = new double[categories];
        double categorised = 0;
        for (int j = 0; j < filled; j++) {
            double w = Math.exp((topSim[j] - max) / temperature);
            int slot = topSlot[j];
            all += w;
            if (unsafe[slot]) {
                yes += w;
            }
            if (category[slot] >= 0) {
                byCategory[category[slot]] += w;
                categorised += w;
            }
        }
        if (categorised == 0) {
            return new Vote(yes / all, new double[0]);
        }
        for (int c = 0; c < categories; c++) {
            byCategory[c] /= categorised;
        }
        return new Vote(yes / all, byCategory);
    }

    /** The first slot holding the smallest value. */
    private static int leastAt(double[] values) {
        int min = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] < values[min]) {
                min = j;
            }
        }
        return min;
    }

    private float codeDot(int row, float[] v) {
        int off = row * dimension;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int d = 0;
        for (; d + 3 < dimension; d += 4) {
            s0 += codes[off + d] * v[d];
            s1 += codes[off + d + 1] * v[d + 1];
            s2 += codes[off + d + 2] * v[d + 2];
            s3 += codes[off + d + 3] * v[d + 3];
        }
        for (; d < dimension; d++) {
            s0 += codes[off + d] * v[d];
        }
        return s0 + s1 + s2 + s3;
    }

    public void write(DataOutput out) throws IOException {
        int cells = cellStart.length - 1;
        out.writeInt(dimension);
        out.writeInt(k);
        out.writeDouble(temperature);
        out.writeInt(probe);
        out.writeInt(cells);
        out.writeInt(scales.length);
        for (float c : centroids) {
            out.writeFloat(c);
        }
        for (int s : cellStart) {
            out.writeInt(s);
        }
        out.write(codes);
        for (int i = 0; i < scales.length; i++) {
            out.writeFloat(scales[i]);
            out.writeBoolean(unsafe[i]);
        }
        out.writeInt(categories);
        if (categories > 0) {
            out.write(category);
        }
    }

    public static ExemplarIndex read(DataInput in) throws IOException {
        int dim = in.readInt();
        int k = in.readInt();
        double temperature = in.readDouble();
        int probe = in.readInt();
        int cells = in.readInt();
        int n = in.readInt();
        if (dim < 1 || dim > 4096 || k < 1 || !(temperature > 0) || cells < 1 || probe < 1 || probe > cells
                || n < cells || (long) n * dim > Integer.MAX_VALUE) {
            throw new IOException("bad exemplar index header (dimension " + dim + ", k " + k + ", cells " + cells
                    + ", exemplars " + n + ")");
        }
        float[] centroids = new float[cells * dim];
        for (int i = 0; i < centroids.length; i++) {
            centroids[i] = in.readFloat();
        }
        int[] cellStart = new int[cells + 1];
        for (int i = 0; i <= cells; i++) {
            cellStart[i] = in.readInt();
            if (cellStart[i] < 0 || cellStart[i] > n || (i > 0 && cellStart[i] < cellStart[i - 1])) {
                throw new IOException("bad exemplar cell offsets");
            }
        }
        if (cellStart[0] != 0 || cellStart[cells] != n) {
            throw new IOException("bad exemplar cell offsets");
        }
        byte[] codes = new byte[n * dim];
        in.readFully(codes);
        float[] scales = new float[n];
        boolean[] unsafe = new boolean[n];
        for (int i = 0; i < n; i++) {
            scales[i] = in.readFloat();
            unsafe[i] = in.readBoolean();
        }
        int categories;
        try {
            categories = in.readInt();
        } catch (EOFException e) {
            categories = 0; // written before exemplars carried categories (the index ends its model file)
        }
        if (categories < 0 || categories > Byte.MAX_VALUE) {
            throw new IOException("bad exemplar category count " + categories);
        }
        byte[] category = new byte[n];
        if (categories > 0) {
            in.readFully(category);
            for (byte c : category) {
                if (c < -1 || c >= categories) {
                    throw new IOException("bad exemplar category index " + c);
                }
            }
        } else {
            Arrays.fill(category, (byte) -1);
        }
        return new ExemplarIndex(dim, k, temperature, probe, centroids, cellStart, codes, scales, unsafe, categories,
                category);
    }
}
