package dev.parapet.eval.metric;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyAndCategoryTest {

    @Test
    void nearestRankPercentiles() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) nanos[i] = (100 - i) * 1_000_000L; // 1..100 ms, shuffled order
        Latency l = Latency.ofNanos(nanos);
        assertThat(l.p50()).isEqualTo(50.0);
        assertThat(l.p95()).isEqualTo(95.0);
        assertThat(l.p99()).isEqualTo(99.0);
        assertThat(l.max()).isEqualTo(100.0);
        assertThat(l.mean()).isCloseTo(50.5, within(1e-9));
        assertThat(Latency.ofNanos(new long[0]).p50()).isNaN();
    }

    @Test
    void categoryDetectionCountsTheRightCategoryOnly() {
        // hate: 2 labelled, one flagged as hate, one as violent_crimes; violent_crimes: 1 labelled, missed;
        // one safe text flagged as hate.
        List<String> labels = List.of("hate", "hate", "violent_crimes", "");
        List<Set<String>> flagged = List.of(Set.of("hate"), Set.of("violent_crimes"), Set.of(), Set.of("hate"));
        List<String> predicted = List.of("hate", "violent_crimes", "none", "hate");
        CategoryDetection c = CategoryDetection.of(labels, flagged, predicted);
        assertThat(c.perCategory().get("hate")).isEqualTo(new Confusion(1, 1, 1, 1));
        assertThat(c.perCategory().get("violent_crimes")).isEqualTo(new Confusion(0, 1, 1, 2));
        assertThat(c.macroF1()).isCloseTo((0.5 + 0.0) / 2, within(1e-12));
        assertThat(c.confusion().get("hate")).containsEntry("hate", 1L).containsEntry("violent_crimes", 1L);
        assertThat(c.confusion().get("safe")).containsEntry("hate", 1L);
        assertThat(c.confusion().get("violent_crimes")).containsEntry("none", 1L);
    }
}
