package dev.parapet.ml.linear;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlattTest {

    @Test
    void recoversTheScaleAndShiftOfALogisticLink() {
        Random rnd = new Random(11);
        int n = 20000;
        double[] m = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            m[i] = rnd.nextGaussian() * 2;
            double p = 1 / (1 + Math.exp(-(0.5 * m[i] - 1)));
            y[i] = rnd.nextDouble() < p ? 1 : 0;
        }
        Platt p = Platt.fit(m, y);
        assertThat(p.a()).isCloseTo(0.5, within(0.05));
        assertThat(p.b()).isCloseTo(-1, within(0.08));
    }

    @Test
    void staysFiniteOnSeparableData() {
        Platt p = Platt.fit(new double[]{-2, -1, 1, 2}, new int[]{0, 0, 1, 1});
        assertThat(p.probability(3)).isLessThan(1).isGreaterThan(0.5);
        assertThat(p.probability(-3)).isGreaterThan(0).isLessThan(0.5);
    }
}
