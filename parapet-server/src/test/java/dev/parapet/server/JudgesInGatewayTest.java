package dev.parapet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.parapet.server.config.ConfigException;
import dev.parapet.server.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guard models configured in the gateway YAML (pipeline.judges), against a real guard server on loopback. */
class JudgesInGatewayTest {

    @Test
    void aGuardModelIsAskedWhereTheDetectorsAreUnsure(@TempDir Path dir) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer guard = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        guard.createContext("/v1/chat/completions", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                asked.incrementAndGet();
                byte[] b = ("{\"id\":\"g\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"unsafe\\nS1\"},\"finish_reason\":\"stop\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
        });
        guard.start();
        // band.low 0: every content the rules find clean is escalated, so the guard decides here.
        Path judges = dir.resolve("judges.yaml");
        Files.writeString(judges, "judges:\n  - id: guard\n    family: llama-guard-3\n    api: openai\n"
                + "    base_url: http://127.0.0.1:" + guard.getAddress().getPort() + "\n    model: llama-guard3\n"
                + "    band: {low: 0.0, high: 0.8}\n");
        try (TestGateway gw = TestGateway.start(dir, Map.of("PARAPET_JUDGES", judges.toString()))) {
            JsonNode r = TestGateway.json(gw.post("/v1/moderations", "{\"input\":\"A calm sentence about gardening.\"}"));
            assertThat(asked.get()).isPositive();
            assertThat(r.at("/results/0/flagged").asBoolean()).isTrue();
            assertThat(r.at("/results/0/parapet/categories").has("violent_crimes")).isTrue();
        } finally {
            guard.stop(0);
        }
    }

    @Test
    void aBrokenJudgesFileStopsTheStart(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("judges.yaml");
        Files.writeString(bad, "judges:\n  - id: guard\n    family: no-such-family\n    base_url: http://127.0.0.1:1\n");
        GatewayConfig c = TestGateway.config(dir, Optional.empty(), Map.of("PARAPET_JUDGES", bad.toString()));
        assertThatThrownBy(() -> Gateway.start(c)).isInstanceOf(ConfigException.class).hasMessageContaining("judges.yaml");
        GatewayConfig missing = TestGateway.config(dir, Optional.empty(),
                Map.of("PARAPET_JUDGES", dir.resolve("nope.yaml").toString()));
        assertThatThrownBy(() -> Gateway.start(missing)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no such judges file");
    }
}
