package dev.parapet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.server.config.ConfigLoader;
import dev.parapet.server.config.GatewayConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A real gateway on a free loopback port with its own SQLite file, and a client for it. */
final class TestGateway implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Gateway gateway;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestGateway(Gateway gateway) {
        this.gateway = gateway;
    }

    static TestGateway start(Path dir, Map<String, String> env) {
        return start(dir, Optional.empty(), env);
    }

    static TestGateway start(Path dir, Optional<Path> configFile, Map<String, String> env) {
        return new TestGateway(Gateway.start(config(dir, configFile, env)));
    }

    static GatewayConfig config(Path dir, Optional<Path> configFile, Map<String, String> env) {
        Map<String, String> e = new HashMap<>();
        e.put("PARAPET_PORT", "0");
        e.put("PARAPET_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("parapet.db"));
        e.put("PARAPET_SHUTDOWN_GRACE_MS", "3000");
        e.putAll(env);
        return ConfigLoader.load(configFile, e);
    }

    URI uri(String path) {
        return URI.create(gateway.url() + path);
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Override
    public void close() {
        gateway.close();
    }
}
