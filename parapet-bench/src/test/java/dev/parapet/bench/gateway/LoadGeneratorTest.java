package dev.parapet.bench.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
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

    HttpRequest chat(boolean stream) {
        return LoadGenerator.post(upstream.baseUrl() + "/chat/completions",
                "{\"model\":\"bench\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    }

    @Test
    void openLoopSendsEveryScheduledRequest() throws Exception {
        LoadGenerator.Result r = LOAD.openLoop(chat(false), LoadGenerator.Until.COMPLETE, 50, Duration.ZERO,
                Duration.ofSeconds(1));
        assertThat(r.requests()).isEqualTo(50);
        assertThat(r.errors()).isZero();
        assertThat(r.latency().getTotalCount()).isEqualTo(50);
        assertThat(r.p99Millis()).isGreaterThanOrEqualTo(r.p50Millis());
    }

    @Test
    void streamsAreTimedToTheirContent() throws Exception {
        LoadGenerator.Result first = LOAD.openLoop(chat(true), LoadGenerator.Until.FIRST_TOKEN, 20, Duration.ZERO,
                Duration.ofSeconds(1));
        LoadGenerator.Result window = LOAD.openLoop(chat(true), LoadGenerator.Until.CHARS_PAST_HOLDBACK, 20,
                Duration.ZERO, Duration.ofSeconds(1));
        assertThat(first.requests()).isEqualTo(20);
        assertThat(window.requests()).isEqualTo(20);
        assertThat(first.errors() + window.errors()).isZero();
    }

    @Test
    void aStreamShorterThanTheWindowAndErrorsCountAsErrors() throws Exception {
        LoadGenerator long_ = new LoadGenerator(10_000); // more than the whole answer
        LoadGenerator.Result r = long_.openLoop(chat(true), LoadGenerator.Until.CHARS_PAST_HOLDBACK, 10, Duration.ZERO,
                Duration.ofSeconds(1));
        assertThat(r.errors()).isEqualTo(10);
        HttpRequest missing = LoadGenerator.post(upstream.baseUrl() + "/nowhere", "{}");
        assertThat(LOAD.openLoop(missing, LoadGenerator.Until.COMPLETE, 10, Duration.ZERO, Duration.ofSeconds(1)).errors())
                .isEqualTo(10);
    }

    @Test
    void closedLoopKeepsRequestsInFlightAndCountsThem() throws Exception {
        LoadGenerator.Result r = LOAD.closedLoop(chat(false), 4, Duration.ZERO, Duration.ofMillis(500));
        assertThat(r.requests()).isPositive();
        assertThat(r.errors()).isZero();
    }

    @Test
    void keepAliveLoopsCountAnswersChunkedBodiesAndErrors() throws Exception {
        java.net.URI url = java.net.URI.create(upstream.baseUrl() + "/chat/completions");
        String plain = "{\"model\":\"bench\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        LoadGenerator.Result open = LOAD.openLoop(url, plain, 50, Duration.ZERO, Duration.ofSeconds(1));
        assertThat(open.requests()).isEqualTo(50);
        assertThat(open.errors()).isZero();
        assertThat(open.latency().getTotalCount()).isEqualTo(50);
        // A streamed answer comes chunked: read whole, then the connection serves the next request.
        LoadGenerator.Result closed = LOAD.closedLoop(url, plain.replace("{\"model\"", "{\"stream\":true,\"model\""), 2,
                Duration.ZERO, Duration.ofMillis(500));
        assertThat(closed.requests()).isGreaterThan(0);
        assertThat(closed.errors()).isZero();
        LoadGenerator.Result missing = LOAD.openLoop(java.net.URI.create(upstream.baseUrl() + "/nowhere"), "{}", 10,
                Duration.ZERO, Duration.ofSeconds(1));
        assertThat(missing.requests()).isZero();
        assertThat(missing.errorSummary()).isEqualTo("status 404 10");
    }
}
