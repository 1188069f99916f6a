package dev.parapet.judge;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.verdict.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.parapet.judge.GuardServer.chat;
import static dev.parapet.judge.GuardServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnsembleDetectorTest {

    /** A small in-JVM word scorer: each listed word yields a violent-crimes finding with its score. */
    private static final class WordScorer implements Detector {
        private final Map<String, Double> words;

        WordScorer(Map<String, Double> words) {
            this.words = words;
        }

        @Override
        public String id() {
            return "words";
        }

        @Override
        public Set<String> categories() {
            return Set.of("violent_crimes");
        }

        @Override
        public Cost cost() {
            return Cost.RULE;
        }

        @Override
        public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
            List<Finding> out = new ArrayList<>();
            String lower = content.text().toLowerCase(Locale.ROOT);
            words.forEach((w, s) -> {
                int at = lower.indexOf(w);
                if (at >= 0) {
                    out.add(Finding.at("violent_crimes", s, new Span(at, at + w.length()), "words", "", "word"));
                }
            });
            return out;
        }
    }

    private GuardServer server;
    private GuardDetector guard;
    private EnsembleDetector ensemble;

    @BeforeEach
    void start() throws IOException {
        server = new GuardServer();
        JudgeConfig config = JudgeConfig.defaults("lg", GuardFamily.LLAMA_GUARD_3, server.baseUrl(), "llama-guard3",
                ApiStyle.OLLAMA).withCacheSize(0).withCategories(List.of("violent_crimes"));
        guard = Judges.detector(config);
        ensemble = Judges.ensemble(config, guard, List.of(new WordScorer(Map.of("attack", 0.5, "murder", 0.95))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<Finding> check(String text) throws Exception {
        return ensemble.detect(Content.user(text), null, Deadline.after(Duration.ofSeconds(10)));
    }

    @Test
    void onlyUncertainContentIsEscalated() throws Exception {
        server.answer(chat("unsafe\nS1"));
        assertThat(check("a quiet afternoon")).isEmpty();                      // 0.0 < low: clean
        assertThat(check("plan the murder")).extracting(Finding::detector).containsExactly("words"); // >= high
        assertThat(server.requests()).isEmpty();

        List<Finding> uncertain = check("heart attack symptoms");             // in [0.3, 0.8): ask the guard
        assertThat(uncertain).extracting(Finding::detector).containsExactly("words", "lg");
        assertThat(server.requests()).hasSize(1);

        EscalationStats stats = ensemble.stats();
        assertThat(stats.checks()).isEqualTo(3);
        assertThat(stats.escalated()).isEqualTo(1);
        assertThat(stats.fraction()).isEqualTo(1.0 / 3);
        assertThat(ensemble.id()).isEqualTo("lg-ensemble");
        assertThat(ensemble.categories()).containsExactly("violent_crimes");
        assertThat(ensemble.uncovered()).isEmpty();
    }

    @Test
    void categoriesTheCheapStageCannotVouchForAreAlwaysEscalated() throws Exception {
        GuardDetector wide = Judges.detector(JudgeConfig.defaults("lg", GuardFamily.LLAMA_GUARD_3, server.baseUrl(),
                "llama-guard3", ApiStyle.OLLAMA).withCacheSize(0));
        EnsembleDetector gappy = new EnsembleDetector("e", List.of(new WordScorer(Map.of("murder", 0.95))), wide,
                new Band(0.3, 0.8));
        assertThat(gappy.uncovered()).contains("hate", "sexual_content").doesNotContain("violent_crimes");
        server.answer(chat("unsafe\nS10"));
        List<Finding> f = gappy.detect(Content.user("a quiet afternoon"), null, Deadline.after(Duration.ofSeconds(10)));
        assertThat(f).extracting(Finding::category).containsExactly("hate");
        assertThat(gappy.detect(Content.user("plan the murder"), null, Deadline.after(Duration.ofSeconds(10))))
                .extracting(Finding::detector).containsExactly("words");
        assertThat(gappy.stats()).isEqualTo(new EscalationStats(2, 1));
    }

    @Test
    void aGuardFailureOnAnEscalatedContentFailsTheEnsemble() {
        server.answer(status(500, "down"));
        assertThatThrownBy(() -> check("attack")).isInstanceOf(JudgeException.class);
        try (Parapet parapet = Parapet.builder().detector(ensemble).build()) {
            Verdict v = parapet.check(Content.user("attack on the castle in chess"));
            assertThat(v.action()).isEqualTo(Action.BLOCK);
            assertThat(v.failures()).extracting(f -> f.detector()).containsExactly("lg-ensemble");
            // content the cheap stage is sure about never reaches the failing guard
            assertThat(parapet.check(Content.user("a quiet afternoon")).action()).isEqualTo(Action.ALLOW);
        }
    }

    @Test
    void aRemoteFirstStageIsRejected() {
        assertThatThrownBy(() -> new EnsembleDetector("e", List.of(guard), guard, new Band(0.3, 0.8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must run in the JVM");
    }

    @Test
    void bandBoundsAreHalfOpen() {
        Band band = new Band(0.3, 0.8);
        assertThat(band.contains(0.3)).isTrue();
        assertThat(band.contains(0.79)).isTrue();
        assertThat(band.contains(0.8)).isFalse();
        assertThat(band.contains(0.29)).isFalse();
        assertThatThrownBy(() -> new Band(0.9, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
