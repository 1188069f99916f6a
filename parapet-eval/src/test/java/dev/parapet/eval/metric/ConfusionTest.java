package dev.parapet.eval.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConfusionTest {

    @Test
    void ratesFromHandCountedDecisions() {
        boolean[] positive = {true, true, true, true, true, false, false, false, false, false};
        boolean[] flagged = {true, true, true, false, false, true, false, false, false, false};
        Confusion c = Confusion.of(positive, flagged);
        assertThat(c).isEqualTo(new Confusion(3, 1, 2, 4));
        assertThat(c.precision()).isCloseTo(0.75, within(1e-12));
        assertThat(c.recall()).isCloseTo(0.6, within(1e-12));
        assertThat(c.f1()).isCloseTo(2 * 0.75 * 0.6 / (0.75 + 0.6), within(1e-12));
        assertThat(c.fpr()).isCloseTo(0.2, within(1e-12));
        assertThat(c.accuracy()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void undefinedRatesAreNaN() {
        Confusion onlySafe = new Confusion(0, 2, 0, 8);
        assertThat(onlySafe.recall()).isNaN();
        assertThat(onlySafe.f1()).isNaN();
        assertThat(onlySafe.fpr()).isCloseTo(0.2, within(1e-12));
        Confusion nothingFlagged = new Confusion(0, 0, 5, 5);
        assertThat(nothingFlagged.precision()).isNaN();
        assertThat(nothingFlagged.f1()).isZero();
    }
}
