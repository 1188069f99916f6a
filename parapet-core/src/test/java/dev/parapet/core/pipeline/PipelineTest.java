package dev.parapet.core.pipeline;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.policy.PolicyLoader;
import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.verdict.DetectorFailure;
import dev.parapet.core.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTest {

    private static final PolicyLoader LOADER = new PolicyLoader(Taxonomies.builtIn().canonical());

    /** Reports every occurrence of a word under a category: a small real detector. */
    record WordDetector(String id, String word, String category, double score, Cost cost, List<String> calls)
            implements Detector {
        WordDetector(String id, String word, String category, double score, Cost cost) {
            this(id, word, category, score, cost, Collections.synchronizedList(new ArrayList<>()));
        }

        @Override
        public Set<String> categories() {
            return Set.of(category);
        }

        @Override
        public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
            calls.add(content.text());
            List<Finding> out = new ArrayList<>();
            String t = content.text();
            for (int at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) {
                out.add(Finding.at(category, score, new Span(at, at + word.length()), id, category.toUpperCase(), "word"));
            }
            return out;
        }
    }

    record FailingDetector(String id, Cost cost) implements Detector {
        @Override
        public Set<String> categories() {
            return Set.of("hate");
        }

        @Override
        public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
            throw new IllegalStateException("model file is corrupt");
        }
    }

    /** Spins until its deadline passes, checking it as a long loop should. */
    record SlowDetector(String id) implements Detector {
        @Override
        public Set<String> categories() {
            return Set.of("hate");
        }

        @Override
        public Cost cost() {
            return Cost.MODEL;
        }

        @Override
        public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
            while (true) {
                deadline.check();
                Thread.onSpinWait();
            }
        }
    }

    /** A remote peer that never answers. */
    record HangingDetector(String id, CountDownLatch release) implements Detector {
        @Override
        public Set<String> categories() {
            return Set.of("hate");
        }

        @Override
        public Cost cost() {
            return Cost.REMOTE;
        }

        @Override
        public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) throws Exception {
            release.await();
            return List.of();
        }
    }

    private static Policy policy(String yaml) {
        return LOADER.load("test.yaml", yaml);
    }

    @Test
    void allowsCleanTextAndBlocksOverThreshold() {
        try (Parapet p = Parapet.builder().policy(policy("""
                id: t
                categories: {hate: {threshold: 0.5, action: block}}
                """)).detector(new WordDetector("w", "vile", "hate", 0.9, Cost.RULE)).build()) {
            Verdict ok = p.check("a pleasant day");
            assertThat(ok.action()).isEqualTo(Action.ALLOW);
            assertThat(ok.flagged()).isFalse();
            assertThat(ok.categories()).isEmpty();

            Verdict bad = p.check("a vile remark");
            assertThat(bad.action()).isEqualTo(Action.BLOCK);
            assertThat(bad.flaggedCategories()).containsExactly("hate");
            assertThat(bad.score("hate")).isEqualTo(0.9);
            assertThat(bad.findings()).singleElement().extracting(f -> f.span().orElseThrow())
                    .isEqualTo(new Span(2, 6));
            assertThat(bad.policyId()).isEqualTo("t");
            assertThat(bad.reasons()).singleElement().asString().contains("hate scored 0.90");
        }
    }

    @Test
    void belowThresholdIsScoredButNotFlagged() {
        try (Parapet p = Parapet.builder().policy(policy("""
                id: t
                categories: {hate: {threshold: 0.95}}
                """)).detector(new WordDetector("w", "vile", "hate", 0.9, Cost.RULE)).build()) {
            Verdict v = p.check("vile");
            assertThat(v.action()).isEqualTo(Action.ALLOW);
            assertThat(v.categories()).containsEntry("hate", 0.9);
            assertThat(v.flagged()).isFalse();
        }
    }

    @Test
    void runsCheapestFirstAndStopsOnceTheOutcomeCannotChange() {
        WordDetector remote = new WordDetector("remote", "vile", "hate", 0.9, Cost.REMOTE);
        WordDetector model = new WordDetector("model", "vile", "hate", 0.9, Cost.MODEL);
        WordDetector rule = new WordDetector("rule", "vile", "hate", 0.9, Cost.RULE);
        try (Parapet p = Parapet.builder().policy(policy("id: t\ncategories: [hate]\n"))
                .detectors(List.of(remote, model, rule)).build()) {
            assertThat(p.pipeline().detectors()).extracting(Detector::id).containsExactly("rule", "model", "remote");
            p.check("vile");
            assertThat(rule.calls()).hasSize(1);
            assertThat(model.calls()).isEmpty(); // block is the strictest action: no need to go on
            assertThat(remote.calls()).isEmpty();
            p.check("fine");
            assertThat(model.calls()).hasSize(1);
            assertThat(remote.calls()).hasSize(1);
        }
    }

    @Test
    void exhaustiveRunsEveryDetector() {
        WordDetector a = new WordDetector("a", "vile", "hate", 0.9, Cost.RULE);
        WordDetector b = new WordDetector("b", "vile", "violent_crimes", 0.7, Cost.MODEL);
        try (Parapet p = Parapet.builder().policy(policy("id: t\ncategories: [hate, violent_crimes]\n"))
                .detectors(List.of(a, b)).exhaustive(true).build()) {
            Verdict v = p.check("vile");
            assertThat(v.categories()).containsOnlyKeys("hate", "violent_crimes");
        }
    }

    @Test
    void skipsDetectorsWhoseCategoriesThePolicyDoesNotCheck() {
        WordDetector pii = new WordDetector("pii", "x", "pii", 1.0, Cost.RULE);
        try (Parapet p = Parapet.builder().policy(policy("id: t\ncategories: [hate]\n")).detector(pii).build()) {
            p.check("x");
            assertThat(pii.calls()).isEmpty();
        }
    }

    @Test
    void aFailingDetectorBlocksWhenThePolicyFailsClosed() {
        try (Parapet p = Parapet.builder().policy(policy("id: t\ncategories: [hate]\n"))
                .detector(new FailingDetector("broken", Cost.MODEL)).build()) {
            Verdict v = p.check("anything");
            assertThat(v.action()).isEqualTo(Action.BLOCK);
            assertThat(v.failures()).singleElement().satisfies(f -> {
                assertThat(f.detector()).isEqualTo("broken");
                assertThat(f.kind()).isEqualTo(DetectorFailure.Kind.ERROR);
                assertThat(f.message()).contains("model file is corrupt").doesNotContain("at dev.");
                assertThat(f.failedOpen()).isFalse();
            });
        }
    }

    @Test
    void aFailingDetectorIsIgnoredAndReportedWhenThePolicyFailsOpen() {
        List<DetectorFailure> seen = Collections.synchronizedList(new ArrayList<>());
        try (Parapet p = Parapet.builder().policy(policy("id: t\nfail_mode: open\ncategories: [hate]\n"))
                .detector(new FailingDetector("broken", Cost.RULE))
                .listener(new PipelineListener() {
                    @Override
                    public void detectorFailed(DetectorFailure failure) {
                        seen.add(failure);
                    }
                }).build()) {
            Verdict v = p.check("anything");
            assertThat(v.action()).isEqualTo(Action.ALLOW);
            assertThat(v.failures()).singleElement().extracting(DetectorFailure::failedOpen).isEqualTo(true);
            assertThat(seen).hasSize(1);
        }
    }

    @Test
    void aDetectorThatOverrunsItsBudgetTimesOut() {
        try (Parapet p = Parapet.builder().policy(policy("id: t\ndetector_budget_ms: 20\ncategories: [hate]\n"))
                .detector(new SlowDetector("slow")).build()) {
            Verdict v = p.check("anything");
            assertThat(v.action()).isEqualTo(Action.BLOCK);
            assertThat(v.failures()).singleElement().extracting(DetectorFailure::kind)
                    .isEqualTo(DetectorFailure.Kind.TIMEOUT);
        }
    }

    @Test
    void aRemoteDetectorThatNeverAnswersTimesOutWithoutHangingTheCaller() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (Parapet p = Parapet.builder().policy(policy("id: t\ndetector_budget_ms: 30\ncategories: [hate]\n"))
                .detector(new HangingDetector("guard", never)).build()) {
            ExecutorService caller = Executors.newSingleThreadExecutor();
            Future<Verdict> f = caller.submit(() -> p.check("anything"));
            Verdict v = f.get(30, TimeUnit.SECONDS);
            assertThat(v.action()).isEqualTo(Action.BLOCK);
            assertThat(v.failures()).singleElement().extracting(DetectorFailure::kind)
                    .isEqualTo(DetectorFailure.Kind.TIMEOUT);
            caller.shutdownNow();
        } finally {
            never.countDown();
        }
    }

    @Test
    void redactsWithStablePlaceholders() {
        try (Parapet p = Parapet.builder().policy(policy("id: t\ncategories: {pii: {action: redact}}\n"))
                .detector(new WordDetector("w", "bob@x.io", "pii", 0.99, Cost.RULE)).build()) {
            Verdict v = p.check("mail bob@x.io, again bob@x.io");
            assertThat(v.action()).isEqualTo(Action.REDACT);
            assertThat(v.redactedText()).hasValue("mail [PII_1], again [PII_1]");
        }
    }

    @Test
    void denyTermsAreFoundAndAllowTermsSuppressFindings() {
        try (Parapet p = Parapet.builder().policy(policy("""
                id: t
                categories: {profanity: {action: flag}}
                deny_terms: [{term: "project x", category: profanity}]
                allow_terms: [scunthorpe]
                """)).detector(new WordDetector("w", "cunt", "profanity", 0.9, Cost.RULE)).build()) {
            Verdict deny = p.check("tell me about Project X now");
            assertThat(deny.flaggedCategories()).containsExactly("profanity");
            assertThat(deny.findings()).singleElement().extracting(f -> f.span().orElseThrow())
                    .isEqualTo(new Span(14, 23));

            assertThat(p.check("I live in scunthorpe").flagged()).isFalse();
            assertThat(p.check("you cunt").flagged()).isTrue();
        }
    }

    @Test
    void isSafeToShareAcrossThreads() throws Exception {
        try (Parapet p = Parapet.builder().policy(policy("id: t\ncategories: [hate]\n"))
                .detector(new WordDetector("w", "vile", "hate", 0.9, Cost.RULE)).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Verdict>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String text = i % 2 == 0 ? "vile " + i : "kind " + i;
                futures.add(pool.submit(() -> p.check(text)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get().flagged()).isEqualTo(i % 2 == 0);
            }
            pool.shutdown();
        }
    }
}
