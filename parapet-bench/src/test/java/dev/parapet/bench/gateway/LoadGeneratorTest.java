package dev.parapet.bench.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The load generator against the loopback upstream: counts, streams and errors (no timings asserted). */
class LoadGeneratorTest {

    static LoopbackUpstream upstream;
    static final LoadGenerator LOAD = new LoadGenerator(64);

    @BeforeAll
    static void start() throws Exception {
        upstream = new LoopbackUpstream(200);
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    static URI chat() {
        return URI.create(upstream.baseUrl() + "/chat/completions");
    }

    static String body(boolean stream) {
        return "{\"model\":\"bench\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    }

    @Test
    void openLoopSendsEveryScheduledRequest() throws Exception {
        LoadGenerator.Result r = LOAD.openLoop(chat(), body(false), LoadGenerator.Until.COMPLETE, 50, Duration.ZERO,
                Duration.ofSeconds(1));
        assertThat(r.requests()).isEqualTo(50);
        assertThat(r.errors()).isZero();
        assertThat(r.latency().getTotalCount()).isEqualTo(50);
        assertThat(r.p99Millis()).isGreaterThanOrEqualTo(r.p50Millis());
    }

    @Test
    void streamsAreTimedToTheirContent() throws Exception {
        LoadGenerator.Result first = LOAD.openLoop(chat(), body(true), LoadGenerator.Until.FIRST_TOKEN, 20,
                Duration.ZERO, Duration.ofSeconds(1));
        LoadGenerator.Result window = LOAD.openLoop(chat(), body(true), LoadGenerator.Until.CHARS_PAST_HOLDBACK, 20,
                Duration.ZERO, Duration.ofSeconds(1));
        assertThat(first.requests()).isEqualTo(20);
        assertThat(window.requests()).isEqualTo(20);
        assertThat(first.errors() + window.errors()).isZero();
        // The 65th character comes 16 tokens (of 4 characters, 0.2 ms apart) after the first.
        assertThat(window.latency().getMinValue()).isGreaterThan(first.latency().getMinValue());
    }

    @Test
    void aStreamShorterThanTheWindowAndErrorsCountAsErrors() throws Exception {
        LoadGenerator long_ = new LoadGenerator(10_000); // more than the whole answer
        LoadGenerator.Result r = long_.openLoop(chat(), body(true), LoadGenerator.Until.CHARS_PAST_HOLDBACK, 10,
                Duration.ZERO, Duration.ofSeconds(1));
        assertThat(r.errors()).isEqualTo(10);
        assertThat(r.errorSummary()).isEqualTo("short stream 10");
        LoadGenerator.Result missing = LOAD.openLoop(URI.create(upstream.baseUrl() + "/nowhere"), "{}",
                LoadGenerator.Until.COMPLETE, 10, Duration.ZERO, Duration.ofSeconds(1));
        assertThat(missing.requests()).isZero();
        assertThat(missing.errorSummary()).isEqualTo("status 404 10");
    }

    @Test
    void closedLoopKeepsRequestsInFlightAndReadsChunkedBodies() throws Exception {
        LoadGenerator.Result r = LOAD.closedLoop(chat(), body(false), 4, Duration.ZERO, Duration.ofMillis(500));
        assertThat(r.requests()).isPositive();
        assertThat(r.errors()).isZero();
        // A streamed answer comes chunked: read whole, then the connection serves the next request.
        LoadGenerator.Result streamed = LOAD.closedLoop(chat(), body(true), 2, Duration.ZERO, Duration.ofMillis(500));
        assertThat(streamed.requests()).isGreaterThan(2);
        assertThat(streamed.errors()).isZero();
    }

    @Test
    void contentWatcherCountsContentAcrossEventsAndNotesErrors() {
        LoadGenerator.ContentWatcher w = new LoadGenerator.ContentWatcher(6);
        w.line(": a comment");
        w.line("data: {\"choices\":[{\"delta\":{\"content\":\"Sure\"}}]}");
        assertThat(w.reachedAt).isZero();
        w.line("");
        w.line("data: {\"choices\":[{\"delta\":{\"content\":\". Th\"}}]}");
        assertThat(w.reachedAt).isPositive();
        LoadGenerator.ContentWatcher e = new LoadGenerator.ContentWatcher(1);
        e.line("data: {\"error\":{\"message\":\"no\"}}");
        assertThat(e.error).isTrue();
        assertThat(e.reachedAt).isZero();
    }
}
