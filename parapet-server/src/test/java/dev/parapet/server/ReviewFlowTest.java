package dev.parapet.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Contest a decision, review it, export it: over HTTP, on SQLite and on a PostgreSQL shared by two gateways. */
class ReviewFlowTest {

    @Test
    void feedbackOnADecisionIsReviewedAndExported(@TempDir Path dir) throws Exception {
        try (TestGateway gw = TestGateway.start(dir, Map.of("PARAPET_AUDIT_STORE_TEXT", "true"))) {
            flow(gw, gw);
        }
    }

    @Test
    void twoReplicasShareOnePostgresQueue(@TempDir Path a, @TempDir Path b) throws Exception {
        String url = System.getenv("PARAPET_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "PARAPET_TEST_POSTGRES_URL is not set: shared-PostgreSQL review test skipped (run .ci/postgres.sh)");
        String schema = "r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String shared = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Map<String, String> env = Map.of("PARAPET_DATABASE_URL", shared, "PARAPET_AUDIT_STORE_TEXT", "true");
        try (TestGateway one = TestGateway.start(a, env); TestGateway two = TestGateway.start(b, env)) {
            flow(one, two);
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** A user contests on {@code front}; a reviewer works the queue on {@code back}. */
    private static void flow(TestGateway front, TestGateway back) throws Exception {
        JsonNode mod = TestGateway.json(front.post("/v1/moderations", "{\"input\":\"I want to kill myself\"}"));
        String decision = mod.at("/results/0/parapet/decision_id").asText();

        HttpResponse<String> fb = front.post("/v1/feedback", "{\"decision_id\":\"" + decision + "\","
                + "\"kind\":\"false_positive\",\"comment\":\"a song lyric\",\"language\":\"en\"}");
        assertThat(fb.statusCode()).as(fb.body()).isEqualTo(200);
        JsonNode item = TestGateway.json(fb);
        String id = item.get("id").asText();
        assertThat(item.get("status").asText()).isEqualTo("pending");
        assertThat(item.get("label").asText()).isEqualTo("safe");
        assertThat(item.get("category").asText()).isEqualTo("suicide_self_harm");
        assertThat(item.get("text").asText()).isEqualTo("I want to kill myself"); // stored by the audit

        HttpResponse<String> miss = front.post("/v1/feedback", "{\"kind\":\"false_negative\",\"category\":\"hate\","
                + "\"text\":\"a slur the filter missed\",\"language\":\"en\"}");
        String missId = TestGateway.json(miss).get("id").asText();

        JsonNode queue = TestGateway.json(back.get("/v1/review"));
        assertThat(queue.get("object").asText()).isEqualTo("list");
        assertThat(queue.get("data").findValuesAsText("id")).containsExactly(id, missId);

        JsonNode accepted = TestGateway.json(back.post("/v1/review/" + id, "{\"decision\":\"accept\",\"note\":\"agreed\"}"));
        assertThat(accepted.get("status").asText()).isEqualTo("accepted");
        assertThat(back.post("/v1/review/" + id, "{\"decision\":\"reject\"}").statusCode()).isEqualTo(409);
        back.post("/v1/review/" + missId, "{\"decision\":\"reject\"}");
        assertThat(back.post("/v1/review/fb_nope", "{\"decision\":\"accept\"}").statusCode()).isEqualTo(404);
        assertThat(back.post("/v1/review/" + id, "{\"decision\":\"maybe\"}").statusCode()).isEqualTo(400);

        // the reporter sees the answer to the appeal
        JsonNode status = TestGateway.json(front.get("/v1/feedback/" + id));
        assertThat(status.get("status").asText()).isEqualTo("accepted");
        assertThat(status.get("review_note").asText()).isEqualTo("agreed");

        HttpResponse<String> export = back.get("/v1/review/export");
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode row = TestGateway.JSON.readTree(lines[0]);
        assertThat(row.get("text").asText()).isEqualTo("I want to kill myself");
        assertThat(row.get("label").asText()).isEqualTo("safe");
        assertThat(row.get("category").asText()).isEqualTo("suicide_self_harm");
        assertThat(row.get("language").asText()).isEqualTo("en");
    }

    @Test
    void badFeedbackIsRefusedClearly(@TempDir Path dir) throws Exception {
        try (TestGateway gw = TestGateway.start(dir, Map.of())) {
            ModerationEndpointTest.assertError(gw.post("/v1/feedback", "{\"kind\":\"meh\",\"text\":\"x\"}"), 400, "kind");
            ModerationEndpointTest.assertError(gw.post("/v1/feedback", "{\"kind\":\"false_positive\"}"), 400, "decision_id");
            ModerationEndpointTest.assertError(gw.post("/v1/feedback",
                    "{\"kind\":\"false_negative\",\"text\":\"x\",\"category\":\"dragons\"}"), 400, "category");
            ModerationEndpointTest.assertError(gw.post("/v1/feedback",
                    "{\"kind\":\"false_positive\",\"decision_id\":\"dec_missing\"}"), 404, "decision_id");
            ModerationEndpointTest.assertError(gw.post("/v1/feedback",
                    "{\"kind\":\"false_negative\",\"text\":\"x\",\"label\":\"spicy\"}"), 400, "label");
            // without store_text the decision has only a hash: an accepted item without text is not exported
            String dec = TestGateway.json(gw.post("/v1/moderations", "{\"input\":\"I want to kill myself\"}"))
                    .at("/results/0/parapet/decision_id").asText();
            String id = TestGateway.json(gw.post("/v1/feedback", "{\"kind\":\"false_positive\",\"decision_id\":\""
                    + dec + "\"}")).get("id").asText();
            gw.post("/v1/review/" + id, "{\"decision\":\"accept\"}");
            assertThat(gw.get("/v1/review/export").body()).isEmpty();
        }
    }
}
