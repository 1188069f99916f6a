package dev.parapet.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Request-size limits, hostile bodies, and a shutdown that drains streams in flight. */
class LimitsAndShutdownTest {

    @Test
    void connectionsPastTheLimitWaitUntilOneCloses(@TempDir Path dir) throws Exception {
        try (TestGateway gw = TestGateway.start(dir, Map.of("PARAPET_MAX_CONNECTIONS", "2"));
             Socket a = new Socket("127.0.0.1", gw.gateway.port());
             Socket b = new Socket("127.0.0.1", gw.gateway.port())) {
            // Both idle connections are accepted and held: a third client is not served meanwhile.
            assertThat(get(gw, a)).startsWith("HTTP/1.1 200");
            assertThat(get(gw, b)).startsWith("HTTP/1.1 200");
            CompletableFuture<HttpResponse<String>> third = gw.http.sendAsync(
                    HttpRequest.newBuilder(gw.uri("/healthz")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
            assertThat(third).isNotDone();
            a.close();
            assertThat(third.get().statusCode()).isEqualTo(200);
        }
    }

    private static String get(TestGateway gw, Socket s) throws Exception {
        s.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + gw.gateway.port() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return new String(s.getInputStream().readNBytes(15), StandardCharsets.ISO_8859_1);
    }

    @Test
    void hugeBodiesGet413WhetherDeclaredOrNot(@TempDir Path dir) throws Exception {
        try (TestGateway gw = TestGateway.start(dir, Map.of("PARAPET_MAX_REQUEST_BYTES", "65536"))) {
            String big = "{\"input\":\"" + "a".repeat(200_000) + "\"}";
            HttpResponse<String> r = gw.post("/v1/moderations", big);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(TestGateway.json(r).at("/error/code").asText()).isEqualTo("request_too_large");
            // chunked, no Content-Length: cut off while reading
            HttpRequest chunked = HttpRequest.newBuilder(gw.uri("/v1/moderations"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                            new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                    .header("Content-Type", "application/json").build();
            HttpResponse<String> c = gw.http.send(chunked, HttpResponse.BodyHandlers.ofString());
            assertThat(c.statusCode()).isEqualTo(413);
            // just under the limit is fine, and 60k repeated characters are checked in bounded time
            HttpResponse<String> ok = gw.post("/v1/moderations", "{\"input\":\"" + "ab".repeat(30_000) + "\"}");
            assertThat(ok.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void garbageOnTheWireGetsAnErrorNotACrash(@TempDir Path dir) throws Exception {
        try (TestGateway gw = TestGateway.start(dir, Map.of())) {
            try (Socket s = new Socket("127.0.0.1", gw.gateway.port())) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write("\u0001\u0002 NOT HTTP\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = s.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(answer).startsWith("HTTP/1.1 4").contains("\"error\"").doesNotContain("<html");
            }
            assertThat(gw.get("/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aClientLeavingMidStreamStopsTheUpstreamAndTheDecisionIsStillRecorded(@TempDir Path dir) throws Exception {
        try (FakeUpstream upstream = new FakeUpstream()) {
            upstream.script("slow", new FakeUpstream.Slow(1500, "A calm answer that takes its time to arrive."));
            try (TestGateway gw = TestGateway.start(dir, Map.of("PARAPET_UPSTREAM_URL", upstream.baseUrl(),
                    "PARAPET_UPSTREAM_TIMEOUT_MS", "10000"))) {
                try (Socket s = new Socket("127.0.0.1", gw.gateway.port())) {
                    s.setSoTimeout(10_000);
                    byte[] body = ChatProxyTest.body("slow", true, "Hi").getBytes(StandardCharsets.UTF_8);
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                    assertThat(new String(s.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1))
                            .isEqualTo("HTTP/1.1 200");
                } // the client hangs up while the upstream is still thinking
                dev.parapet.server.audit.DecisionLog log;
                try (dev.parapet.server.audit.Database db = dev.parapet.server.audit.Database.open(
                        new dev.parapet.server.config.GatewayConfig.Audit("jdbc:sqlite:" + dir.resolve("parapet.db"),
                                "", "", false))) {
                    log = new dev.parapet.server.audit.DecisionLog(db.dataSource(),
                            new com.fasterxml.jackson.databind.ObjectMapper());
                    long deadline = System.nanoTime() + 15_000_000_000L;
                    boolean recorded = false;
                    while (!recorded && System.nanoTime() < deadline) {
                        recorded = log.recent(20).stream().anyMatch(d -> d.endpoint().equals("chat.output"));
                        Thread.sleep(100);
                    }
                    assertThat(recorded).as("the abandoned stream's output decision is recorded").isTrue();
                }
                assertThat(gw.get("/healthz").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void shutdownWaitsForAStreamInFlightAndRefusesNewRequests(@TempDir Path dir) throws Exception {
        try (FakeUpstream upstream = new FakeUpstream()) {
            upstream.script("slow", new FakeUpstream.Slow(1500, "A calm answer that takes its time."));
            TestGateway gw = TestGateway.start(dir, Map.of("PARAPET_UPSTREAM_URL", upstream.baseUrl(),
                    "PARAPET_UPSTREAM_TIMEOUT_MS", "10000", "PARAPET_SHUTDOWN_GRACE_MS", "8000"));
            CompletableFuture<HttpResponse<String>> stream = gw.http.sendAsync(HttpRequest.newBuilder(
                            gw.uri("/v1/chat/completions")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ChatProxyTest.body("slow", true, "Hi"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            while (upstream.requests.isEmpty()) {
                Thread.sleep(10); // the stream has reached the upstream
            }
            CompletableFuture<Void> closing = CompletableFuture.runAsync(gw::close);
            Thread.sleep(200);
            HttpResponse<String> late = gw.post("/v1/moderations", "{\"input\":\"x\"}");
            assertThat(late.statusCode()).isEqualTo(503);
            HttpResponse<String> r = stream.get();
            closing.get();
            java.util.List<com.fasterxml.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
            assertThat(ChatProxyTest.parseSse(r.body(), events)).isTrue();
            assertThat(ChatProxyTest.content(events)).isEqualTo("A calm answer that takes its time.");
        }
    }
}
