package dev.parapet.ml.train;

import dev.parapet.ml.linear.SparseVector;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeadTrainerTest {

    /**
     * Unsafe rows sit at x = 1, benign ones at x = -1, and a few benign rows (the hard negatives) sit among the
     * unsafe ones, told apart only by a second feature. Mining must weigh them up, so the refitted head scores
     * them lower, and leave the unsafe rows' weights alone.
     */
    @Test
    void miningWeighsUpBenignRowsThatLookUnsafe() {
        List<Example> fit = new ArrayList<>();
        List<SparseVector> xs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            add(fit, xs, new Example("u" + i, true, i % 2 == 0 ? "hate" : "violent_crimes", "en", "harm"), 1, 0);
            add(fit, xs, new Example("b" + i, false, "", "en", "benign"), -1, 0);
        }
        for (int i = 0; i < 4; i++) {
            add(fit, xs, new Example("h" + i, false, "", "en", "hard"), 1, 0.3f);
        }
        TrainingSet set = new TrainingSet(fit, fit, Map.of());
        Map<String, Double> weights = Map.of();
        StringWriter log = new StringWriter();
        var plain = new HeadTrainer(1e-3, 1e-3, 200, 0, 0, 0, 7, 0, 3, false)
                .train(set, xs, xs, 2, weights, new PrintWriter(log, true));
        var mined = new HeadTrainer(1e-3, 1e-3, 200, 0, 0, 0, 7, 1, 10, false)
                .train(set, xs, xs, 2, weights, new PrintWriter(log, true));

        SparseVector hard = xs.get(80);
        SparseVector unsafe = xs.get(0);
        assertThat(mined.heads().margin(hard)).isLessThan(plain.heads().margin(hard));
        assertThat(mined.heads().margin(unsafe)).isGreaterThan(mined.heads().margin(hard));
        assertThat(log.toString()).contains("mining round 1: 4 hard negatives").contains("{hard=4}");
    }

    private static void add(List<Example> fit, List<SparseVector> xs, Example e, float x, float y) {
        fit.add(e);
        xs.add(SparseVector.dense(new float[] {x, y}));
    }

    @Test
    void balancingLanguagesTakesAwayWhatALanguageAloneSaysAboutHarm() {
        // Feature 0 is harm, feature 1 is "written in language x"; every unsafe row is in x, most benign rows are not.
        List<Example> fit = new ArrayList<>();
        List<SparseVector> xs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            add(fit, xs, new Example("u" + i, true, i % 2 == 0 ? "hate" : "violent_crimes", "x", "harm"), 1, 1);
            add(fit, xs, new Example("b" + i, false, "", "y", "benign"), -1, 0);
        }
        for (int i = 0; i < 4; i++) {
            add(fit, xs, new Example("bx" + i, false, "", "x", "benign-x"), -1, 1);
        }
        TrainingSet set = new TrainingSet(fit, fit, Map.of());
        StringWriter log = new StringWriter();
        var plain = new HeadTrainer(1e-3, 1e-3, 200, 0, 0, 0, 7, 0, 3, false)
                .train(set, xs, xs, 2, Map.of(), new PrintWriter(log, true));
        var balanced = new HeadTrainer(1e-3, 1e-3, 200, 0, 0, 0, 7, 0, 3, true)
                .train(set, xs, xs, 2, Map.of(), new PrintWriter(log, true));

        SparseVector benignInX = xs.get(80);
        assertThat(balanced.heads().margin(benignInX)).isLessThan(plain.heads().margin(benignInX));
        assertThat(balanced.heads().margin(xs.get(0))).isGreaterThan(balanced.heads().margin(benignInX));
        assertThat(log.toString()).contains("languages balanced (benign weight x): [x 10.0]");
    }
}
