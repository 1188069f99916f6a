package dev.parapet.ml.linear;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlattTest {

    @Test
    void recoversTheScaleAndShiftOfALogisticLink() {
        int n = 20000;
        double[] m = new double[n];
        int[] y = new int[n];
        sample(new Random(11), 0.5, -1, m, y);
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

    @Test
    void aWeightCountsAsThatManyCopiesOfItsExample() {
        int n = 4000;
        double[] m = new double[n];
        int[] y = new int[n];
        sample(new Random(5), 1, 0, m, y);
        // Every negative weighed 3x against the same data with each negative written three times.
        double[] w = new double[n];
        int copies = 0;
        for (int i = 0; i < n; i++) {
            w[i] = y[i] == 0 ? 3 : 1;
            copies += y[i] == 0 ? 3 : 1;
        }
        double[] cm = new double[copies];
        int[] cy = new int[copies];
        for (int i = 0, k = 0; i < n; i++) {
            for (int c = 0; c < w[i]; c++, k++) {
                cm[k] = m[i];
                cy[k] = y[i];
            }
        }
        Platt weighted = Platt.fit(m, y, w);
        Platt copied = Platt.fit(cm, cy);
        // Platt's smoothed targets count examples, not weights, so the two agree closely but not exactly.
        assertThat(weighted.b()).isCloseTo(copied.b(), within(0.01));
        assertThat(weighted.a()).isCloseTo(copied.a(), within(0.01));
        assertThat(weighted.probability(0)).isLessThan(Platt.fit(m, y).probability(0));

        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        assertThat(Platt.fit(m, y, ones)).isEqualTo(Platt.fit(m, y));
    }

    /** Fills {@code m} with margins ~ N(0, 2) and {@code y} with labels drawn by the logistic link a * m + b. */
    private static void sample(Random rnd, double a, double b, double[] m, int[] y) {
        for (int i = 0; i < m.length; i++) {
            m[i] = rnd.nextGaussian() * 2;
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-(a * m[i] + b))) ? 1 : 0;
        }
    }
}
