package dev.parapet.ml.linear;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SoftmaxRegressionTest {

    @Property(tries = 200)
    void scoresAreTheClassRowsDotProductsAndTheFileKeepsClassMajorOrder(
            @ForAll @IntRange(min = 2, max = 6) int classes, @ForAll @IntRange(min = 1, max = 40) int dimension,
            @ForAll long seed, @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 1000) Integer> features)
            throws IOException {
        Random rnd = new Random(seed);
        float[] w = new float[(classes - 1) * dimension];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rnd.nextGaussian();
        }
        float[] b = new float[classes - 1];
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextGaussian();
        }
        int[] idx = features.stream().mapToInt(f -> f % dimension).toArray();
        float[] val = new float[idx.length];
        for (int i = 0; i < val.length; i++) {
            val[i] = rnd.nextFloat();
        }
        SparseVector x = new SparseVector(idx, val);
        SoftmaxRegression model = new SoftmaxRegression(classes, dimension, w, b);

        double[] logits = new double[classes];
        for (int k = 1; k < classes; k++) {
            logits[k] = b[k - 1] + x.dot(w, (k - 1) * dimension);
        }
        assertThat(model.probabilities(x)).containsExactly(SoftmaxRegression.softmax(logits));
        assertThat(model.margin(x)).isEqualTo(logits[1]);

        SparseVector wide = new SparseVector(java.util.Arrays.stream(idx).map(i -> i + (dimension << 3)).toArray(), val);
        int bits = 32 - Integer.numberOfLeadingZeros(dimension - 1);
        if (1 << bits == dimension) { // folding a wider vector to the dimension lands on the same features
            assertThat(model.probabilities(wide, bits)).containsExactly(model.probabilities(wide.fold(bits)));
            assertThat(model.probabilities(wide, bits)).containsExactly(model.probabilities(x));
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(new DataOutputStream(bytes));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(in.readInt()).isEqualTo(classes);
        assertThat(in.readInt()).isEqualTo(dimension);
        for (float v : w) {
            assertThat(in.readFloat()).isEqualTo(v);
        }
        for (float v : b) {
            assertThat(in.readFloat()).isEqualTo(v);
        }
    }
}
