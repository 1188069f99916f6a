package dev.parapet.ml.linear;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SoftmaxTrainerTest {

    private static SparseVector v(int... idx) {
        float[] val = new float[idx.length];
        java.util.Arrays.fill(val, 1f);
        return new SparseVector(idx, val);
    }

    @Test
    void learnsThreeClassesFromTheirMarkerFeatures() {
        List<SparseVector> xs = List.of(v(0, 3), v(0, 4), v(1, 3), v(1, 4), v(2, 3), v(2, 4));
        int[] ys = {0, 0, 1, 1, 2, 2};
        double[] w = {1, 1, 1, 1, 1, 1};
        SoftmaxRegression m = new SoftmaxTrainer(1e-3, new Lbfgs(10, 200, 1e-12)).train(xs, ys, w, 3, 5);
        for (int i = 0; i < xs.size(); i++) {
            double[] p = m.probabilities(xs.get(i));
            assertThat(p[ys[i]]).isGreaterThan(0.8);
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void sameInputGivesTheSameModelAndItSurvivesAWriteAndRead() throws Exception {
        Random rnd = new Random(7);
        List<SparseVector> xs = new ArrayList<>();
        int[] ys = new int[200];
        double[] w = new double[200];
        for (int i = 0; i < 200; i++) {
            ys[i] = rnd.nextInt(2);
            xs.add(v(rnd.nextInt(10) + ys[i] * 10, rnd.nextInt(20)));
            w[i] = 1 + rnd.nextInt(3);
        }
        SoftmaxTrainer t = new SoftmaxTrainer(1e-4, new Lbfgs(10, 50, 1e-9));
        byte[] a = bytes(t.train(xs, ys, w, 2, 20));
        byte[] b = bytes(t.train(xs, ys, w, 2, 20));
        assertThat(a).isEqualTo(b);
        SoftmaxRegression back = SoftmaxRegression.read(new DataInputStream(new ByteArrayInputStream(a)));
        assertThat(bytes(back)).isEqualTo(a);
    }

    @Test
    void weightsShiftTheDecision() {
        // the same vector labelled both ways: the heavier label wins
        List<SparseVector> xs = List.of(v(0), v(0));
        SoftmaxTrainer t = new SoftmaxTrainer(0, new Lbfgs(10, 100, 1e-12));
        SoftmaxRegression m = t.train(xs, new int[]{0, 1}, new double[]{1, 3}, 2, 1);
        assertThat(m.probabilities(v(0))[1]).isCloseTo(0.75, within(1e-3));
    }

    @Test
    void rejectsLabelsAndIndicesOutOfRange() {
        SoftmaxTrainer t = new SoftmaxTrainer(0, new Lbfgs(5, 5, 0));
        assertThatThrownBy(() -> t.train(List.of(v(0)), new int[]{2}, new double[]{1}, 2, 1))
                .hasMessageContaining("label 2");
        assertThatThrownBy(() -> t.train(List.of(v(5)), new int[]{1}, new double[]{1}, 2, 3))
                .hasMessageContaining("beyond dimension");
    }

    private static byte[] bytes(SoftmaxRegression m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}
