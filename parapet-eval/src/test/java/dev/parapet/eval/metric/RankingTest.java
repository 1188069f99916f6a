package dev.parapet.eval.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingTest {

    @Test
    void matchesTheScikitLearnDocumentationExample() {
        // sklearn.metrics.average_precision_score / roc_auc_score docs: y = [0, 0, 1, 1], s = [.1, .4, .35, .8]
        // give AP 0.8333... and ROC-AUC 0.75.
        Ranking r = Ranking.of(new boolean[]{false, false, true, true}, new double[]{0.1, 0.4, 0.35, 0.8});
        assertThat(r.auprc()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(r.rocAuc()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void handComputedCurve() {
        // thresholds .9 .8 .7 .6 .2 → (R, P) = (1/3, 1) (2/3, 1) (2/3, 2/3) (1, 3/4) (1, 3/5)
        // AP = 1/3 + 1/3 + 1/3 · 3/4 = 11/12; AUC = 5 of 6 positive–negative pairs ordered = 5/6
        Ranking r = Ranking.of(new boolean[]{true, true, false, true, false}, new double[]{0.9, 0.8, 0.7, 0.6, 0.2});
        assertThat(r.auprc()).isCloseTo(11.0 / 12, within(1e-12));
        assertThat(r.rocAuc()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(r.recallAtFpr1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.recallAtFpr5()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.curve()).hasSize(5);
        assertThat(r.curve().get(2).precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.curve().get(2).fpr()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void tiedScoresAreOneStep() {
        Ranking r = Ranking.of(new boolean[]{true, false, true, false}, new double[]{0.5, 0.5, 0.5, 0.5});
        assertThat(r.auprc()).isCloseTo(0.5, within(1e-12));
        assertThat(r.rocAuc()).isCloseTo(0.5, within(1e-12));
        assertThat(r.recallAtFpr1()).isZero();
        assertThat(r.curve()).hasSize(1);
    }

    @Test
    void perfectAndInvertedRankings() {
        boolean[] y = {true, true, false, false};
        assertThat(Ranking.of(y, new double[]{0.9, 0.8, 0.2, 0.1}).rocAuc()).isEqualTo(1.0);
        assertThat(Ranking.of(y, new double[]{0.9, 0.8, 0.2, 0.1}).auprc()).isEqualTo(1.0);
        assertThat(Ranking.of(y, new double[]{0.1, 0.2, 0.8, 0.9}).rocAuc()).isZero();
        assertThat(Ranking.of(y, new double[]{0.1, 0.2, 0.8, 0.9}).auprc()).isCloseTo(0.5 * 1 / 3 + 0.5 * 2 / 4.0, within(1e-12));
    }

    @Test
    void oneClassLeavesRankingUndefined() {
        Ranking onlySafe = Ranking.of(new boolean[]{false, false}, new double[]{0.3, 0.1});
        assertThat(onlySafe.auprc()).isNaN();
        assertThat(onlySafe.rocAuc()).isNaN();
        Ranking onlyUnsafe = Ranking.of(new boolean[]{true, true}, new double[]{0.3, 0.1});
        assertThat(onlyUnsafe.auprc()).isNaN();
        assertThat(onlyUnsafe.rocAuc()).isNaN();
    }

    @Test
    void downsampledCurveKeepsBothEnds() {
        int n = 1000;
        boolean[] y = new boolean[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0;
            s[i] = i / (double) n;
        }
        Ranking r = Ranking.of(y, s);
        assertThat(r.curve(50)).hasSize(50);
        assertThat(r.curve(50).get(0)).isEqualTo(r.curve().get(0));
        assertThat(r.curve(50).get(49)).isEqualTo(r.curve().get(n - 1));
    }
}
