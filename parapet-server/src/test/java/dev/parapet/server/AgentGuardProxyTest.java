package dev.parapet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.server.audit.Database;
import dev.parapet.server.audit.Decision;
import dev.parapet.server.audit.DecisionLog;
import dev.parapet.server.config.ConfigException;
import dev.parapet.server.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tool calls in upstream answers through the agent guard, against a real upstream on loopback. */
class AgentGuardProxyTest {

    static final String POLICY = """
            unknown_tools: block
            tools:
              read_inbox:
                capabilities: [reads]
                intents: [inbox, mail, new]
              send_money:
                capabilities: [spends_money, sends_externally]
                intents: [pay, send, transfer]
                arguments:
                  recipient: {target: true, required: true, pattern: "[A-Z]{2}[0-9A-Z]{12,32}"}
                  amount: {required: true, min: 0, max: 5000}
            """;
    /** An account number that appears only in a tool result. */
    static final String FOREIGN = "GB29NWBK60161331926819";
    /** An account number the user writes. */
    static final String USERS = "GB33BUKB20201555555555";

    @TempDir
    static Path dir;
    static FakeUpstream upstream;
    static TestGateway gw;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeUpstream();
        upstream.script("pay-foreign", new FakeUpstream.ToolCall("send_money",
                "{\"recipient\":\"" + FOREIGN + "\",\"amount\":980}"));
        upstream.script("pay-user", new FakeUpstream.ToolCall("send_money",
                "{\"recipient\":\"" + USERS + "\",\"amount\":50}"));
        upstream.script("unknown-tool", new FakeUpstream.ToolCall("format_disk", "{\"disk\":\"c\"}"));
        upstream.script("malformed", new FakeUpstream.ToolCall("send_money", "{\"recipient\": " + FOREIGN));
        upstream.script("clean", new FakeUpstream.Reply("Your inbox has one new invoice."));
        Files.writeString(dir.resolve("tools.yaml"), POLICY);
        gw = TestGateway.start(dir, Map.of("PARAPET_UPSTREAM_URL", upstream.baseUrl(),
                "PARAPET_AGENT_POLICY", dir.resolve("tools.yaml").toString()));
    }

    @AfterAll
    static void stop() {
        gw.close();
        upstream.close();
    }

    /** A conversation where the agent read the inbox, and the inbox holds an invoice with a foreign account. */
    static String afterInbox(String model, boolean stream, String request) {
        ObjectMapper m = TestGateway.JSON;
        ObjectNode body = m.createObjectNode();
        body.put("model", model);
        body.put("stream", stream);
        ArrayNode msgs = body.putArray("messages");
        msgs.addObject().put("role", "system").put("content", "You are a banking assistant.");
        msgs.addObject().put("role", "user").put("content", request);
        ObjectNode asst = msgs.addObject().put("role", "assistant");
        asst.putNull("content");
        ObjectNode call = asst.putArray("tool_calls").addObject().put("id", "call_0").put("type", "function");
        call.putObject("function").put("name", "read_inbox").put("arguments", "{}");
        msgs.addObject().put("role", "tool").put("tool_call_id", "call_0")
                .put("content", "From: Acme billing. Invoice 2291 for the garden work: 980.00 EUR, "
                        + "account " + FOREIGN + ", due on Friday.");
        return body.toString();
    }

    static String direct(String model, boolean stream, String request) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":["
                + "{\"role\":\"user\",\"content\":" + TestGateway.JSON.valueToTree(request) + "}]}";
    }

    @Test
    void aCallWhoseTargetComesOnlyFromAToolResultIsWithheld() throws Exception {
        HttpResponse<String> r = gw.post("/v1/chat/completions", afterInbox("pay-foreign", false, "What's new in my inbox?"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode a = TestGateway.json(r);
        assertThat(a.at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");
        assertThat(a.at("/choices/0/message/content").asText()).isEqualTo("I can't help with that request.");
        assertThat(a.at("/choices/0/message").has("tool_calls")).isFalse();
        JsonNode d = a.at("/parapet/tool_call_decisions/0");
        assertThat(d.get("tool").asText()).isEqualTo("send_money");
        assertThat(d.get("action").asText()).isIn("require_approval", "block");
        assertThat(d.get("reasons").toString()).contains("tool:read_inbox");
        assertThat(a.at("/choices/0").toString()).doesNotContain(FOREIGN);

        Decision recorded = decision(d.get("decision_id").asText());
        assertThat(recorded.endpoint()).isEqualTo("chat.tool_call");
        assertThat(recorded.action()).isEqualTo("block");
        assertThat(recorded.policyId()).isEqualTo("tools:tools.yaml");
        assertThat(recorded.reasons()).isNotEmpty().allSatisfy(x -> assertThat(x).contains("send_money"));
        assertThat(recorded.text()).isEmpty(); // privacy by default: only the hash
        assertThat(gw.get("/metrics").body()).contains("parapet_tool_calls_total{action=\"" + d.get("action").asText() + "\"}");
    }

    @Test
    void aCallGroundedInTheUsersRequestPasses() throws Exception {
        JsonNode a = TestGateway.json(gw.post("/v1/chat/completions",
                direct("pay-user", false, "Please send 50 EUR to " + USERS + " for the concert tickets.")));
        assertThat(a.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(a.at("/choices/0/message/tool_calls/0/function/arguments").asText()).contains(USERS);
        assertThat(a.at("/parapet/tool_call_decisions/0/action").asText()).isEqualTo("allow");
        assertThat(decision(a.at("/parapet/tool_call_decisions/0/decision_id").asText()).action()).isEqualTo("allow");
    }

    @Test
    void unknownToolsAndMalformedCallsAreWithheld() throws Exception {
        JsonNode u = TestGateway.json(gw.post("/v1/chat/completions", direct("unknown-tool", false, "Tidy up my disk")));
        assertThat(u.at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");
        assertThat(u.at("/parapet/tool_call_decisions/0/reasons/0/code").asText()).isEqualTo("unknown_tool");
        JsonNode m = TestGateway.json(gw.post("/v1/chat/completions", direct("malformed", false, "Pay my bill")));
        assertThat(m.at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");
        assertThat(m.at("/parapet/tool_call_decisions/0/reasons/0/code").asText()).isEqualTo("malformed_tool_call");
        assertThat(m.toString()).doesNotContain(FOREIGN);
    }

    @Test
    void streamedCallsAreAssembledCheckedAndNeverLeakWhenWithheld() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        assertThat(ChatProxyTest.parseSse(gw.post("/v1/chat/completions",
                afterInbox("pay-foreign", true, "What's new in my inbox?")).body(), events)).isTrue();
        // The amount as it would leak, in the call's arguments: a bare "980" can occur in a random decision id.
        assertThat(events.toString()).doesNotContain("tool_calls").doesNotContain(FOREIGN).doesNotContain("amount")
                .doesNotContain(":980");
        assertThat(ChatProxyTest.content(events)).isEqualTo("I can't help with that request.");
        assertThat(ChatProxyTest.lastFinish(events)).isEqualTo("content_filter");
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.at("/parapet/tool_call_decisions/0/tool").asText()).isEqualTo("send_money");
        assertThat(decision(last.at("/parapet/tool_call_decisions/0/decision_id").asText()).action()).isEqualTo("block");

        List<JsonNode> ok = new ArrayList<>();
        assertThat(ChatProxyTest.parseSse(gw.post("/v1/chat/completions",
                direct("pay-user", true, "Please send 50 EUR to " + USERS + ".")).body(), ok)).isTrue();
        JsonNode call = ok.stream().filter(e -> e.at("/choices/0/delta").has("tool_calls")).findFirst().orElseThrow()
                .at("/choices/0/delta/tool_calls/0");
        assertThat(call.at("/function/arguments").asText()).isEqualTo("{\"recipient\":\"" + USERS + "\",\"amount\":50}");
        assertThat(ChatProxyTest.lastFinish(ok)).isEqualTo("tool_calls");
    }

    @Test
    void answersWithoutToolCallsAreUntouched() throws Exception {
        JsonNode a = TestGateway.json(gw.post("/v1/chat/completions", afterInbox("clean", false, "What's new in my inbox?")));
        assertThat(a.at("/choices/0/message/content").asText()).isEqualTo("Your inbox has one new invoice.");
        assertThat(a.at("/parapet/tool_call_decisions")).isEmpty();
    }

    @Test
    void aWithheldCallCanBeAnErrorByConfiguration(@TempDir Path other) throws Exception {
        try (TestGateway g = TestGateway.start(other, Map.of("PARAPET_UPSTREAM_URL", upstream.baseUrl(),
                "PARAPET_AGENT_POLICY", dir.resolve("tools.yaml").toString(), "PARAPET_AGENT_ON_BLOCK", "error"))) {
            HttpResponse<String> r = g.post("/v1/chat/completions", afterInbox("pay-foreign", false, "What's new in my inbox?"));
            assertThat(r.statusCode()).isEqualTo(400);
            JsonNode err = TestGateway.json(r).get("error");
            assertThat(err.get("code").asText()).isEqualTo("tool_call_blocked");
            assertThat(err.get("message").asText()).contains("send_money").doesNotContain(FOREIGN);

            List<JsonNode> events = new ArrayList<>();
            boolean done = ChatProxyTest.parseSse(g.post("/v1/chat/completions",
                    afterInbox("pay-foreign", true, "What's new in my inbox?")).body(), events);
            assertThat(done).isFalse();
            assertThat(events.get(events.size() - 1).at("/error/code").asText()).isEqualTo("tool_call_blocked");
            assertThat(events.toString()).doesNotContain("tool_calls").doesNotContain(FOREIGN);
        }
    }

    @Test
    void aBrokenToolPolicyStopsTheStartWithFileAndLine(@TempDir Path other) throws Exception {
        Path bad = other.resolve("bad.yaml");
        Files.writeString(bad, "tools:\n  send_money:\n    capabilities: [pays]\n");
        GatewayConfig c = TestGateway.config(other, Optional.empty(), Map.of("PARAPET_AGENT_POLICY", bad.toString()));
        assertThatThrownBy(() -> Gateway.start(c)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yaml:3").hasMessageContaining("pays");
        GatewayConfig missing = TestGateway.config(other, Optional.empty(),
                Map.of("PARAPET_AGENT_POLICY", other.resolve("nope.yaml").toString()));
        assertThatThrownBy(() -> Gateway.start(missing)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no such tool policy file");
    }

    static Decision decision(String id) throws Exception {
        try (Database db = Database.open(new GatewayConfig.Audit("jdbc:sqlite:" + dir.resolve("parapet.db"), "", "",
                false))) {
            return new DecisionLog(db.dataSource(), new ObjectMapper()).find(id).orElseThrow();
        }
    }
}
