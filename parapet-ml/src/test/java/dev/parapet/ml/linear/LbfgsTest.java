package dev.parapet.ml.linear;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LbfgsTest {

    @Test
    void findsTheMinimumOfAQuadratic() {
        // f(x) = (x0 - 3)^2 + 10 (x1 + 1)^2
        DifferentiableFunction f = (x, g) -> {
            g[0] = 2 * (x[0] - 3);
            g[1] = 20 * (x[1] + 1);
            return Math.pow(x[0] - 3, 2) + 10 * Math.pow(x[1] + 1, 2);
        };
        Lbfgs.Result r = new Lbfgs(5, 100, 1e-14).minimize(f, new double[]{0, 0});
        assertThat(r.x()[0]).isCloseTo(3, within(1e-5));
        assertThat(r.x()[1]).isCloseTo(-1, within(1e-5));
    }

    @Test
    void findsTheMinimumOfRosenbrock() {
        DifferentiableFunction f = (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        Lbfgs.Result r = new Lbfgs(10, 500, 0).minimize(f, new double[]{-1.2, 1});
        assertThat(r.x()[0]).isCloseTo(1, within(1e-3));
        assertThat(r.x()[1]).isCloseTo(1, within(1e-3));
    }

    @Test
    void rejectsBadSettings() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Lbfgs(0, 10, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
