package dev.parapet.ml.linear;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MlpTrainerTest {

    /** XOR of two inputs, which no linear model separates, with a constant third input. */
    private static List<SparseVector> xor() {
        List<SparseVector> xs = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            xs.add(SparseVector.dense(new float[]{0, 0, 1}));
            xs.add(SparseVector.dense(new float[]{0, 1, 1}));
            xs.add(SparseVector.dense(new float[]{1, 0, 1}));
            xs.add(SparseVector.dense(new float[]{1, 1, 1}));
        }
        return xs;
    }

    private static final int[] YS = {0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0};

    @Test
    void learnsXorWhichALinearModelCannot() {
        double[] w = new double[YS.length];
        java.util.Arrays.fill(w, 1);
        MlpModel m = new MlpTrainer(4, 1e-4, 5, new Lbfgs(10, 500, 0)).train(xor(), YS, w, 3);
        for (int i = 0; i < 4; i++) {
            assertThat(m.margin(xor().get(i)) > 0).as("example " + i).isEqualTo(YS[i] == 1);
        }
        SoftmaxRegression linear = new SoftmaxTrainer(1e-4, new Lbfgs(10, 500, 0)).train(xor(), YS, w, 2, 3);
        int right = 0;
        for (int i = 0; i < 4; i++) {
            right += (linear.margin(xor().get(i)) > 0) == (YS[i] == 1) ? 1 : 0;
        }
        assertThat(right).isLessThan(4);
    }

    @Test
    void isReproducibleAndRoundTripsThroughTheHeadReader() throws Exception {
        double[] w = new double[YS.length];
        java.util.Arrays.fill(w, 1);
        MlpTrainer t = new MlpTrainer(3, 1e-3, 9, new Lbfgs(5, 40, 0));
        byte[] a = bytes(t.train(xor(), YS, w, 3));
        assertThat(bytes(t.train(xor(), YS, w, 3))).isEqualTo(a);
        MarginModel back = MlpModel.readMarginModel(new DataInputStream(new ByteArrayInputStream(a)));
        assertThat(back).isInstanceOf(MlpModel.class);
        assertThat(bytes(back)).isEqualTo(a);

        SoftmaxRegression lr = new SoftmaxTrainer(0, new Lbfgs(5, 5, 0)).train(xor(), YS, w, 2, 3);
        assertThat(MlpModel.readMarginModel(new DataInputStream(new ByteArrayInputStream(bytes(lr)))))
                .isInstanceOf(SoftmaxRegression.class);
    }

    @Test
    void rejectsNonBinaryLabels() {
        assertThatThrownBy(() -> new MlpTrainer(2, 0, 1, new Lbfgs(5, 5, 0))
                .train(xor().subList(0, 1), new int[]{2}, new double[]{1}, 3)).hasMessageContaining("0 or 1");
    }

    private static byte[] bytes(MarginModel m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}
