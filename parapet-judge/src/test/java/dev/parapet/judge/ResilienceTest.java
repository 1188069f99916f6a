package dev.parapet.judge;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.DetectorTimeoutException;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.verdict.DetectorFailure;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.judge.model.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.parapet.judge.GuardServer.chat;
import static dev.parapet.judge.GuardServer.hang;
import static dev.parapet.judge.GuardServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failures, budgets, retries, the circuit breaker, the cache and the concurrency limit, on a real server. */
class ResilienceTest {

    private GuardServer server;

    @BeforeEach
    void start() throws IOException {
        server = new GuardServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JudgeConfig config() {
        return JudgeConfig.defaults("lg", GuardFamily.LLAMA_GUARD_3, server.baseUrl(), "llama-guard3", ApiStyle.OLLAMA)
                .withCacheSize(0).withTimeouts(Duration.ofSeconds(5), 0, Duration.ofMillis(5));
    }

    private static Deadline budget() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    @Test
    void http500FailsWithTheStatusAndIsRetried() throws Exception {
        GuardDetector guard = Judges.detector(config().withTimeouts(Duration.ofSeconds(5), 2, Duration.ofMillis(5)));
        server.answer(status(500, "{\"error\":\"CUDA out of memory\"}"), chat("unsafe\nS10"));
        assertThat(guard.judge(Exchange.prompt("x"), budget())).extracting(Finding::category).containsExactly("hate");
        assertThat(server.requests()).hasSize(2);

        server.answer(status(503, "overloaded"));
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("y"), budget()))
                .isInstanceOf(JudgeException.class)
                .hasMessageContaining("gave up after 3 attempts")
                .hasMessageContaining("HTTP 503: overloaded");
        assertThat(guard.stats().requests()).isEqualTo(5);
    }

    @Test
    void clientErrorsAreNotRetried() {
        GuardDetector guard = Judges.detector(config().withTimeouts(Duration.ofSeconds(5), 3, Duration.ofMillis(5)));
        server.answer(status(404, "{\"error\":\"model 'llama-guard3' not found\"}"));
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("x"), budget()))
                .isInstanceOf(JudgeException.class).hasMessageContaining("HTTP 404").hasMessageContaining("not found");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void emptyAndNonJsonBodiesFail() {
        GuardDetector guard = Judges.detector(config());
        server.answer(status(200, ""));
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("x"), budget())).hasMessageContaining("empty body");
        server.answer(status(200, "<html>Bad gateway</html>"));
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("x"), budget())).hasMessageContaining("not JSON");
        server.answer(status(200, "{\"done\": true}"));
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("x"), budget())).hasMessageContaining("without a message");
        server.answer(status(200, "{\"model\":\"llama-guard3\",\"message\":{\"role\":\"assistant\",\"content\":\"uns"));
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("x"), budget())).hasMessageContaining("not JSON");
    }

    @Test
    void aServerThatNeverAnswersRunsOutOfTheBudget() {
        GuardDetector guard = Judges.detector(config().withTimeouts(Duration.ofSeconds(30), 3, Duration.ofMillis(5)));
        server.answer(hang());
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("x"), Deadline.after(Duration.ofMillis(300))))
                .isInstanceOf(DetectorTimeoutException.class)
                .hasMessageContaining("time budget exhausted")
                .hasMessageContaining("did not answer within");
    }

    @Test
    void theRequestTimeoutBoundsEachAttempt() {
        GuardDetector guard = Judges.detector(config().withTimeouts(Duration.ofMillis(150), 1, Duration.ofMillis(5)));
        server.answer(hang());
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("x"), budget()))
                .isInstanceOf(JudgeException.class)
                .hasMessageContaining("gave up after 2 attempts")
                .hasMessageContaining("did not answer within 150 ms");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndStopsCalling() {
        GuardDetector guard = Judges.detector(config().withBreaker(2, Duration.ofMinutes(5)));
        server.answer(status(500, "down"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> guard.judge(Exchange.prompt("x"), budget())).hasMessageContaining("HTTP 500");
        }
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("x"), budget()))
                .isInstanceOf(JudgeException.class).hasMessageContaining("circuit open after 2 consecutive failures");
        assertThat(server.requests()).hasSize(2);
        assertThat(guard.stats().circuit()).isEqualTo("OPEN");
        assertThat(guard.stats().failures()).isEqualTo(3);
    }

    @Test
    void aServerThatNeverAnswersOpensTheCircuitToo() {
        GuardDetector guard = Judges.detector(config().withTimeouts(Duration.ofSeconds(30), 0, Duration.ofMillis(5))
                .withBreaker(2, Duration.ofMinutes(5)));
        server.answer(hang());
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> guard.judge(Exchange.prompt("x"), Deadline.after(Duration.ofMillis(150))))
                    .isInstanceOf(DetectorTimeoutException.class);
        }
        int sent = server.requests().size();
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("x"), Deadline.after(Duration.ofMillis(150))))
                .isInstanceOf(JudgeException.class).hasMessageContaining("circuit open");
        assertThat(server.requests()).hasSize(sent);
        assertThat(guard.stats().requests()).isEqualTo(2);
    }

    @Test
    void aGuardCancelledByThePipelinesHardTimeoutCountsAgainstTheServer() {
        GuardDetector guard = Judges.detector(config().withTimeouts(Duration.ofSeconds(30), 0, Duration.ofMillis(5))
                .withBreaker(1, Duration.ofMinutes(5)));
        server.answer(hang());
        try (Parapet parapet = Parapet.builder().detector(guard).build()) {
            Verdict v = parapet.check(Content.user("hello"));   // the default policy's budget is 1000 ms
            assertThat(v.action()).isEqualTo(Action.BLOCK);
            assertThat(v.failures()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(DetectorFailure.Kind.TIMEOUT));
        }
        // the worker thread records the failure once it sees the cancellation
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!guard.stats().circuit().equals("OPEN") && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(guard.stats().circuit()).isEqualTo("OPEN");
    }

    @Test
    void verdictsAreCachedByContentAndPolicyVersion() throws Exception {
        GuardDetector guard = Judges.detector(config().withCacheSize(100));
        server.answer(chat("unsafe\nS1"), chat("safe"));
        List<Finding> first = guard.judge(Exchange.prompt("same text"), budget());
        List<Finding> again = guard.judge(Exchange.prompt("same text"), budget());
        assertThat(again).isEqualTo(first);
        assertThat(server.requests()).hasSize(1);
        assertThat(guard.stats().cacheHits()).isEqualTo(1);
        // a response check of the same words is another exchange
        assertThat(guard.judge(Exchange.response("", "same text"), budget())).isEmpty();
        assertThat(server.requests()).hasSize(2);

        GuardDetector other = Judges.detector(config().withCacheSize(100).withCategories(List.of("hate")));
        assertThat(other.policyVersion()).isNotEqualTo(guard.policyVersion());
    }

    @Test
    void failuresAreNotCached() throws Exception {
        GuardDetector guard = Judges.detector(config().withCacheSize(100));
        server.answer(chat("prose"), chat("safe"));
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("t"), budget())).isInstanceOf(JudgeException.class);
        assertThat(guard.judge(Exchange.prompt("t"), budget())).isEmpty();
    }

    @Test
    void theConcurrencyLimitMakesLateCallersWaitWithinTheirBudget() throws Exception {
        JudgeConfig one = new JudgeConfig("lg", GuardFamily.LLAMA_GUARD_3, server.baseUrl(), "m", ApiStyle.OPENAI,
                Duration.ofSeconds(20), Duration.ofSeconds(2), 0, Duration.ofMillis(5), 1, 0, Duration.ofMinutes(1),
                5, Duration.ofSeconds(30), new Band(0.3, 0.8), List.of(), List.of(), java.util.Optional.empty(), 0.5, 16);
        GuardDetector guard = Judges.detector(one);
        server.answer(hang());
        CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> {
            try {
                return guard.judge(Exchange.prompt("slow"), Deadline.after(Duration.ofSeconds(20)));
            } catch (Exception e) {
                return e;
            }
        });
        while (server.requests().isEmpty()) {
            Thread.sleep(5);
        }
        assertThatThrownBy(() -> guard.judge(Exchange.prompt("fast"), Deadline.after(Duration.ofMillis(200))))
                .isInstanceOf(DetectorTimeoutException.class).hasMessageContaining("no free slot among 1");
        assertThat(server.requests()).hasSize(1);
        server.close();
        assertThat(holder.get(20, TimeUnit.SECONDS)).isInstanceOf(Exception.class);
    }

    @Test
    void thePipelineFailsClosedWhenTheGuardFails() {
        GuardDetector guard = Judges.detector(config());
        server.answer(status(500, "down"));
        try (Parapet parapet = Parapet.builder().detector(guard).build()) {
            Verdict v = parapet.check(Content.user("hello"));
            assertThat(v.action()).isEqualTo(Action.BLOCK);
            assertThat(v.failures()).singleElement().satisfies(f -> {
                assertThat(f.detector()).isEqualTo("lg");
                assertThat(f.kind()).isEqualTo(DetectorFailure.Kind.ERROR);
                assertThat(f.failedOpen()).isFalse();
            });
            assertThat(v.reasons()).anyMatch(r -> r.contains("HTTP 500") && r.contains("fails closed"));
        }
    }

    @Test
    void thePipelineReportsTheGuardsFindings() {
        GuardDetector guard = Judges.detector(config());
        server.answer(chat("unsafe\nS10"));
        try (Parapet parapet = Parapet.builder().detector(guard).build()) {
            Verdict v = parapet.check(Content.user("words"));
            assertThat(v.action()).isEqualTo(Action.BLOCK);
            assertThat(v.flaggedCategories()).containsExactly("hate");
            assertThat(v.failures()).isEmpty();
        }
    }
}
