package dev.parapet.server;

import dev.parapet.server.auth.KeyHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys stored hashed, per-key policy and rate limits, reviewer rights. */
class AuthTest {

    static final String ADMIN = KeyHasher.newKey();
    static final String TEAM = KeyHasher.newKey();
    static final String LIMITED = KeyHasher.newKey();

    static Path config(Path dir) throws Exception {
        Path lenient = dir.resolve("lenient.yaml");
        Files.writeString(lenient, "id: lenient\nversion: \"1\"\ncategories:\n  profanity: {action: flag}\n");
        Path cfg = dir.resolve("gateway.yaml");
        Files.writeString(cfg, "auth:\n  required: true\n  keys:\n"
                + "    - {id: admin, hash: \"" + KeyHasher.hash(ADMIN) + "\", reviewer: true}\n"
                + "    - {id: team, hash: \"" + KeyHasher.hash(TEAM) + "\", policy: \"" + lenient + "\"}\n"
                + "    - {id: limited, hash: \"" + KeyHasher.hash(LIMITED) + "\", requests_per_minute: 2}\n");
        return cfg;
    }

    @Test
    void keysAreRequiredCheckedAndCarryTheirPolicyAndLimits(@TempDir Path dir) throws Exception {
        Path cfg = config(dir);
        assertThat(Files.readString(cfg)).doesNotContain(ADMIN).doesNotContain(TEAM);
        try (TestGateway gw = TestGateway.start(dir, Optional.of(cfg), Map.of())) {
            String body = "{\"input\":\"I want to kill myself\"}";
            HttpResponse<String> none = gw.post("/v1/moderations", body);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(TestGateway.json(none).at("/error/code").asText()).isEqualTo("invalid_api_key");
            HttpResponse<String> wrong = gw.post("/v1/moderations", body, "Authorization", "Bearer pk-nope");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).doesNotContain("pk-nope");
            assertThat(gw.post("/v1/moderations", body, "Authorization", "Basic abc").statusCode()).isEqualTo(401);

            HttpResponse<String> admin = gw.post("/v1/moderations", body, "Authorization", "Bearer " + ADMIN);
            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(TestGateway.json(admin).at("/results/0/flagged").asBoolean()).isTrue();
            assertThat(TestGateway.json(admin).at("/results/0/parapet/policy/id").asText()).isEqualTo("default");

            // the team's own policy checks profanity only
            HttpResponse<String> team = gw.post("/v1/moderations", body, "Authorization", "Bearer " + TEAM);
            assertThat(TestGateway.json(team).at("/results/0/parapet/policy/id").asText()).isEqualTo("lenient");
            assertThat(TestGateway.json(team).at("/results/0/flagged").asBoolean()).isFalse();

            // reviewer rights
            assertThat(gw.get("/v1/review", "Authorization", "Bearer " + TEAM).statusCode()).isEqualTo(403);
            assertThat(gw.get("/v1/review", "Authorization", "Bearer " + ADMIN).statusCode()).isEqualTo(200);

            // two requests a minute, then 429 with Retry-After
            assertThat(gw.post("/v1/check", "{\"text\":\"a\"}", "Authorization", "Bearer " + LIMITED).statusCode()).isEqualTo(200);
            assertThat(gw.post("/v1/check", "{\"text\":\"b\"}", "Authorization", "Bearer " + LIMITED).statusCode()).isEqualTo(200);
            HttpResponse<String> limited = gw.post("/v1/check", "{\"text\":\"c\"}", "Authorization", "Bearer " + LIMITED);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(TestGateway.json(limited).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");

            // health, readiness and metrics stay open for probes and scrapers
            assertThat(gw.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(gw.get("/metrics").body()).contains("status=\"401\"").contains("status=\"429\"");
        }
    }

    @Test
    void hashesAreSaltedAndCheckedExactly() {
        String k = KeyHasher.newKey();
        String h1 = KeyHasher.hash(k);
        String h2 = KeyHasher.hash(k);
        assertThat(h1).isNotEqualTo(h2).matches("sha256:[0-9a-f]{32}:[0-9a-f]{64}");
        assertThat(KeyHasher.matches(k, h1)).isTrue();
        assertThat(KeyHasher.matches(k, h2)).isTrue();
        assertThat(KeyHasher.matches(k + "x", h1)).isFalse();
        assertThat(KeyHasher.matches(k, "sha256:zz:zz")).isFalse();
        assertThat(KeyHasher.matches(k, "md5:00:00")).isFalse();
    }
}
