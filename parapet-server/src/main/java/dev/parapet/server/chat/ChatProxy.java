package dev.parapet.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.agent.AgentContext;
import dev.parapet.agent.Reason;
import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.verdict.Action;
import dev.parapet.server.agent.ToolCallCheck;
import dev.parapet.server.agent.ToolCallGuard;
import dev.parapet.server.auth.Client;
import dev.parapet.server.config.GatewayConfig;
import dev.parapet.server.guard.Checked;
import dev.parapet.server.guard.Decisions;
import dev.parapet.server.http.ApiException;
import dev.parapet.server.http.Fields;
import dev.parapet.server.metrics.Metrics;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code POST /v1/chat/completions}: checks the system, user and tool messages, forwards the request to the
 * upstream server, and checks the answer before the client sees it, streamed ({@link StreamRelay}) or not.
 * A blocked request gets a refusal completion (or an error, by configuration); a blocked answer is replaced
 * by a refusal with finish reason {@code content_filter}. With a tool policy configured, the answer's tool
 * calls also go through the agent guard ({@link ToolCallGuard}); a call it does not allow is withheld and
 * the choice becomes a refusal (or an error, by configuration).
 */
public final class ChatProxy {

    private static final System.Logger LOG = System.getLogger(ChatProxy.class.getName());

    private final Decisions decisions;
    private final Upstream upstream;
    private final ObjectMapper mapper;
    private final GatewayConfig.Chat config;
    private final boolean failOpen;
    private final Metrics metrics;
    private final Optional<ToolCallGuard> toolGuard;
    private final GatewayConfig.OnBlock onToolBlock;

    /**
     * @param toolGuard   the agent guard for tool calls in answers, when a tool policy is configured
     * @param onToolBlock what a blocked tool call becomes: a refusal, or an error
     */
    public ChatProxy(Decisions decisions, Upstream upstream, ObjectMapper mapper, GatewayConfig.Chat config,
                     boolean failOpen, Metrics metrics, Optional<ToolCallGuard> toolGuard,
                     GatewayConfig.OnBlock onToolBlock) {
        this.decisions = decisions;
        this.upstream = upstream;
        this.mapper = mapper;
        this.config = config;
        this.failOpen = failOpen;
        this.metrics = metrics;
        this.toolGuard = toolGuard;
        this.onToolBlock = onToolBlock;
    }

    public void handle(Context ctx, ObjectNode request, Client client) {
        String model = Fields.requiredString(request, "model");
        boolean stream = Fields.optionalBoolean(request, "stream", false);
        String refusal = config.refusal(ctx.header("Accept-Language"));
        ObjectNode forward = request.deepCopy();
        Input checkedInput = checkInput(forward, client);
        List<Checked> input = checkedInput.checked();
        String instructions = checkedInput.instructions();
        List<String> inputIds = input.stream().map(Checked::decisionId).toList();
        TreeSet<String> blockedBy = new TreeSet<>();
        for (Checked c : input) {
            if (c.verdict().action() == Action.BLOCK) {
                blockedBy.addAll(c.verdict().flaggedCategories());
                if (c.verdict().flaggedCategories().isEmpty()) {
                    blockedBy.add("check_failure");
                }
            }
        }
        ctx.header("X-Parapet-Input-Decisions", String.join(",", inputIds));
        if (!blockedBy.isEmpty()) {
            if (config.onInputBlock() == GatewayConfig.OnBlock.ERROR) {
                throw new ApiException(400, "invalid_request_error", "The request was blocked by the gateway's "
                        + "input policy (" + String.join(", ", blockedBy) + ").", "messages", "content_blocked");
            }
            if (stream) {
                new StreamRelay(this, ctx, client, refusal, inputIds).refuse(model);
            } else {
                respond(ctx, refusalCompletion(model, refusal, inputIds));
            }
            return;
        }
        // The provenance of the request's values, from the original (unredacted) messages: what the user wrote.
        Optional<AgentContext> agentContext = toolGuard.map(g -> agentContext(g, request.get("messages")));
        if (stream) {
            UpstreamStream s = upstream.stream(forward); // fails before any byte is sent: a plain error answer
            new StreamRelay(this, ctx, client, refusal, inputIds, agentContext, instructions).relay(s);
        } else {
            ObjectNode answer = upstream.complete(forward);
            respond(ctx, checkOutput(answer, client, refusal, inputIds, agentContext, instructions));
        }
    }

    private static AgentContext agentContext(ToolCallGuard guard, JsonNode messages) {
        try {
            return guard.context(messages);
        } catch (RuntimeException e) {
            // The injection scan of a tool result failed: nothing is known about the values, so refuse.
            LOG.log(System.Logger.Level.WARNING, "agent guard failed on the request ({0}); request refused",
                    e.getClass().getSimpleName());
            throw ApiException.internal("The agent guard failed, so the request was refused.");
        }
    }

    // ---- input rails ----

    /** The request's checked texts, and its system prompt (system and developer messages joined; empty when none). */
    private record Input(List<Checked> checked, String instructions) {
    }

    /**
     * Checks every system, user and tool text, the users' against the system prompt; redacts in place in
     * {@code forward} where the policy says.
     */
    private Input checkInput(ObjectNode forward, Client client) {
        JsonNode messages = forward.get("messages");
        if (messages == null || messages.isNull()) {
            throw ApiException.invalid("Missing required parameter: 'messages'.", "messages");
        }
        if (!messages.isArray()) {
            throw ApiException.invalid("Invalid type for 'messages': expected an array, but got "
                    + Fields.kind(messages) + ".", "messages");
        }
        if (messages.isEmpty()) {
            throw ApiException.invalid("'messages' must contain at least one message.", "messages");
        }
        List<Content> texts = new ArrayList<>();
        List<java.util.function.Consumer<String>> redact = new ArrayList<>(); // puts a redacted text in place
        for (int i = 0; i < messages.size(); i++) {
            String param = "messages[" + i + "]";
            JsonNode m = messages.get(i);
            if (!(m instanceof ObjectNode msg)) {
                throw ApiException.invalid("Invalid type for '" + param + "': expected an object, but got "
                        + Fields.kind(m) + ".", param);
            }
            Role role;
            try {
                role = Role.parse(Fields.requiredString(msg, "role"));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(e.getMessage(), param + ".role");
            } catch (ApiException e) {
                throw ApiException.invalid(e.getMessage().replace("'role'", "'" + param + ".role'"), param + ".role");
            }
            JsonNode content = msg.get("content");
            if (content == null || content.isNull()) {
                continue; // an assistant turn with tool calls only
            }
            if (content.isTextual()) {
                if (role != Role.ASSISTANT) {
                    texts.add(Content.of(content.textValue(), role));
                    redact.add(t -> msg.put("content", t));
                }
            } else if (content.isArray()) {
                for (int j = 0; j < content.size(); j++) {
                    JsonNode part = content.get(j);
                    if (!(part instanceof ObjectNode p)) {
                        throw ApiException.invalid("Invalid type for '" + param + ".content[" + j
                                + "]': expected an object.", param + ".content[" + j + "]");
                    }
                    // Only text parts can be checked; images and audio pass as they are.
                    if ("text".equals(p.path("type").asText()) && p.path("text").isTextual() && role != Role.ASSISTANT) {
                        texts.add(Content.of(p.get("text").textValue(), role));
                        redact.add(t -> p.put("text", t));
                    }
                }
            } else {
                throw ApiException.invalid("Invalid type for '" + param + ".content': expected a string or an "
                        + "array, but got " + Fields.kind(content) + ".", param + ".content");
            }
        }
        // A user's message is checked against the system prompt it is sent with: asking for what it forbids or
        // keeps secret is an attempt to break it.
        String instructions = texts.stream().filter(c -> c.role() == Role.SYSTEM).map(Content::text)
                .collect(java.util.stream.Collectors.joining("\n"));
        texts.replaceAll(c -> c.role() == Role.USER ? c.withInstructions(instructions) : c);
        // All of the request's texts are recorded in one commit: the request waits for the audit log once.
        List<Checked> out = decisions.checkAll(client.guard(), client.id(), "chat.input", texts, false);
        for (int i = 0; i < out.size(); i++) {
            out.get(i).verdict().redactedText().ifPresent(redact.get(i));
        }
        return new Input(out, instructions);
    }

    /**
     * A text of the model's answer, with the instructions it followed: what they keep secret ("The password is
     * 'Piano'") is found in the answer however the user got it out.
     */
    static Content answer(String text, String instructions) {
        return Content.assistant(text).withInstructions(instructions);
    }

    // ---- output rails (non-streaming) ----

    private ObjectNode checkOutput(ObjectNode answer, Client client, String refusal, List<String> inputIds,
                                   Optional<AgentContext> agentContext, String instructions) {
        List<String> outputIds = new ArrayList<>();
        ArrayNode toolDecisions = mapper.createArrayNode();
        for (JsonNode ch : answer.get("choices")) {
            if (!(ch instanceof ObjectNode choice) || !(choice.get("message") instanceof ObjectNode message)) {
                throw upstream.fail("malformed", 502, "The upstream server sent a malformed answer (a choice without a message).");
            }
            boolean blocked = false;
            for (String field : List.of("content", "reasoning_content", "reasoning")) {
                JsonNode t = message.get(field);
                if (t != null && t.isTextual() && !t.textValue().isEmpty()) {
                    Checked c = decisions.check(client.guard(), client.id(), "chat.output",
                            answer(t.textValue(), instructions), false);
                    outputIds.add(c.decisionId());
                    blocked |= c.verdict().action() == Action.BLOCK;
                    c.verdict().redactedText().ifPresent(r -> message.put(field, r));
                }
            }
            JsonNode calls = message.get("tool_calls");
            if (calls != null && calls.isArray()) {
                for (JsonNode call : calls) {
                    Checked c = decisions.check(client.guard(), client.id(), "chat.output",
                            answer(toolCallText(call), instructions), false);
                    outputIds.add(c.decisionId());
                    blocked |= c.verdict().action() == Action.BLOCK;
                }
                if (!blocked && agentContext.isPresent() && !calls.isEmpty()) {
                    ToolCallReport report = guardToolCalls(client, calls, agentContext.get());
                    toolDecisions.addAll(report.decisions());
                    blocked = report.withheld();
                }
            }
            if (blocked) {
                ObjectNode m = choice.putObject("message");
                m.put("role", "assistant");
                m.put("content", refusal);
                m.put("refusal", refusal);
                choice.put("finish_reason", "content_filter");
            }
        }
        ObjectNode ext = answer.putObject("parapet");
        ext.set("input_decisions", ids(inputIds));
        ext.set("output_decisions", ids(outputIds));
        if (agentContext.isPresent()) {
            ext.set("tool_call_decisions", toolDecisions);
        }
        return answer;
    }

    /**
     * What the agent guard decided on the tool calls of one choice.
     *
     * @param withheld  whether any call was not allowed (the choice then becomes a refusal: no call of it
     *                  reaches the client)
     * @param decisions one entry per call: decision id, tool, action, reasons
     */
    record ToolCallReport(boolean withheld, ArrayNode decisions) {
    }

    /**
     * Checks the tool calls of one choice with the agent guard, records and counts each decision. With
     * {@code agent_guard.on_block: error}, a withheld call throws a 400 {@code tool_call_blocked} after
     * the decisions are recorded.
     */
    ToolCallReport guardToolCalls(Client client, Iterable<? extends JsonNode> calls, AgentContext context) {
        ToolCallGuard guard = toolGuard.orElseThrow();
        List<ToolCallCheck> checks;
        try {
            checks = guard.check(calls, context);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "agent guard failed on a tool call ({0}); answer refused",
                    e.getClass().getSimpleName());
            throw ApiException.internal("The agent guard failed, so the answer was refused.");
        }
        ArrayNode out = mapper.createArrayNode();
        boolean withheld = false;
        List<String> why = new ArrayList<>();
        for (ToolCallCheck c : checks) {
            List<String> reasons = c.reasons().stream().map(Reason::toString).toList();
            String id = decisions.recordToolCall(client.id(), guard.policyId(), guard.policyVersion(),
                    c.action().wireName(), c.withheld(), c.reasons().stream().map(Reason::code).toList(), reasons,
                    c.callText());
            ObjectNode d = out.addObject();
            d.put("decision_id", id);
            d.put("tool", c.tool());
            d.put("action", c.action().wireName());
            ArrayNode rs = d.putArray("reasons");
            for (Reason r : c.reasons()) {
                ObjectNode o = rs.addObject();
                o.put("code", r.code());
                o.put("action", r.action().wireName());
                o.put("argument", r.argument());
                o.put("origin", r.origin());
                o.put("message", r.message());
            }
            if (c.withheld()) {
                withheld = true;
                c.reasons().stream().filter(r -> r.action() != dev.parapet.agent.Action.ALLOW)
                        .forEach(r -> why.add(r.message()));
            }
        }
        if (withheld && onToolBlock == GatewayConfig.OnBlock.ERROR) {
            throw new ApiException(400, "invalid_request_error", "The model's tool call was blocked by the "
                    + "gateway's agent guard: " + String.join("; ", why) + ".", null, "tool_call_blocked");
        }
        return new ToolCallReport(withheld, out);
    }

    boolean guardsToolCalls() {
        return toolGuard.isPresent();
    }

    static String toolCallText(JsonNode call) {
        JsonNode f = call.path("function");
        return f.path("name").asText("") + "\n" + f.path("arguments").asText("");
    }

    // ---- shared with the stream relay ----

    ObjectNode refusalCompletion(String model, String refusal, List<String> inputIds) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", "chatcmpl-parapet-" + UUID.randomUUID().toString().replace("-", ""));
        o.put("object", "chat.completion");
        o.put("created", System.currentTimeMillis() / 1000);
        o.put("model", model);
        ObjectNode choice = o.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode m = choice.putObject("message");
        m.put("role", "assistant");
        m.put("content", refusal);
        m.put("refusal", refusal);
        choice.putNull("logprobs");
        choice.put("finish_reason", "content_filter");
        ObjectNode usage = o.putObject("usage");
        usage.put("prompt_tokens", 0);
        usage.put("completion_tokens", 0);
        usage.put("total_tokens", 0);
        ObjectNode ext = o.putObject("parapet");
        ext.set("input_decisions", ids(inputIds));
        ext.set("output_decisions", mapper.createArrayNode());
        return o;
    }

    private ArrayNode ids(List<String> ids) {
        ArrayNode a = mapper.createArrayNode();
        ids.forEach(a::add);
        return a;
    }

    private void respond(Context ctx, ObjectNode body) {
        try {
            ctx.status(200).contentType("application/json").result(mapper.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        ctx.attribute(dev.parapet.server.http.Responses.ANSWERED, Boolean.TRUE);
    }

    Decisions decisions() {
        return decisions;
    }

    Upstream upstream() {
        return upstream;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    int holdback() {
        return config.holdbackChars();
    }

    boolean failOpen() {
        return failOpen;
    }

    Metrics metrics() {
        return metrics;
    }

    static Optional<String> text(JsonNode n) {
        return n != null && n.isTextual() ? Optional.of(n.textValue()) : Optional.empty();
    }
}
