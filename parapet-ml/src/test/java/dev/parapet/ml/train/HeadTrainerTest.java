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
        // The whole set has 44 benign rows to 40 unsafe; x has 4 to 40, so its benign rows weigh
        // 40 * 1.1 / 4 = 11x.
        assertThat(log.toString()).contains("languages balanced (benign weight x): [x 11.0]");
    }

    @Test
    void aLanguageWithMoreBenignThanUnsafeRowsIsStillBalancedToTheWholeSetsRatio() {
        // x: 40 unsafe, 50 benign; y: 10 unsafe, 200 benign. The set holds 5 benign rows to each unsafe one,
        // x only 1.25.
        List<Example> fit = new ArrayList<>();
        List<SparseVector> xs = new ArrayList<>();
        rows(fit, xs, "x", 40, 50);
        rows(fit, xs, "y", 10, 200);
        TrainingSet set = new TrainingSet(fit, fit, Map.of());
        StringWriter log = new StringWriter();
        new HeadTrainer(1e-3, 1e-3, 200, 0, 0, 0, 7, 0, 3, true).train(set, xs, xs, 2, Map.of(),
                new PrintWriter(log, true));

        assertThat(log.toString()).contains("languages balanced (benign weight x): [x 4.0]");
    }

    /** Unsafe rows at x = 1 and benign ones at x = -1, in {@code lang}, which the second feature marks when it is "x". */
    private static void rows(List<Example> fit, List<SparseVector> xs, String lang, int unsafe, int benign) {
        float marked = lang.equals("x") ? 1 : 0;
        for (int i = 0; i < unsafe; i++) {
            add(fit, xs, new Example("u" + lang + i, true, i % 2 == 0 ? "hate" : "violent_crimes", lang, "harm"), 1,
                    marked);
        }
        for (int i = 0; i < benign; i++) {
            add(fit, xs, new Example("b" + lang + i, false, "", lang, "benign"), -1, marked);
        }
    }
}
