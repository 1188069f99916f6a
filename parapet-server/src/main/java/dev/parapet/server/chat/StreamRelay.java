package dev.parapet.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.agent.AgentContext;
import dev.parapet.core.content.Role;
import dev.parapet.core.policy.Rule;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.server.auth.Client;
import dev.parapet.server.guard.Checked;
import dev.parapet.server.http.ApiException;
import dev.parapet.server.http.ErrorBodies;
import dev.parapet.server.http.Responses;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Relays one streamed completion to the client through the output rails. Per choice, the content and the
 * reasoning are each a {@link HeldText}: checked before any part is released, with a hold-back window;
 * tool-call deltas are held whole until the choice finishes, then checked (by the content rails and, when
 * configured, the agent guard) and sent at once. A blocked
 * choice ends with the refusal and finish reason {@code content_filter}, and nothing of the blocked text
 * is ever sent. An upstream that breaks, times out or sends garbage ends the stream with an error event;
 * text still held is dropped (fail closed).
 */
final class StreamRelay {

    private static final System.Logger LOG = System.getLogger(StreamRelay.class.getName());
    /** An upstream that never pauses still has its text checked and released this often. */
    private static final int MAX_EVENTS_PER_CHECK = 16;

    private final ChatProxy proxy;
    private final Context ctx;
    private final Client client;
    private final String refusal;
    private final List<String> inputIds;
    private final String instructions;
    private final ObjectMapper mapper;
    private final Map<String, Rule> outputRules;
    private final Optional<AgentContext> agentContext;
    private final Map<Integer, Choice> choices = new TreeMap<>();
    private ChunkJson chunks; // made from the first upstream chunk's fields (or the refusal's)
    private SseWriter out;

    /** What has happened to one choice of the stream. */
    private static final class Choice {
        final int index;
        final HeldText content;
        final HeldText reasoning;
        String reasoningKey = "reasoning_content";
        final Map<Integer, ObjectNode> toolCalls = new TreeMap<>();
        boolean roleSent;
        boolean finished;

        Choice(int index, int holdback) {
            this.index = index;
            this.content = new HeldText(holdback);
            this.reasoning = new HeldText(holdback);
        }
    }

    /** Ends the stream early: the check failed and the gateway fails closed. */
    private static final class FailedClosed extends Exception {
        private static final long serialVersionUID = 1L;

        FailedClosed() {
            super(null, null, false, false);
        }
    }

    StreamRelay(ChatProxy proxy, Context ctx, Client client, String refusal, List<String> inputIds) {
        this(proxy, ctx, client, refusal, inputIds, Optional.empty(), "");
    }

    /**
     * @param agentContext the request's provenance when tool calls go through the agent guard
     * @param instructions the request's system prompt, which the answer is checked with (empty when none)
     */
    StreamRelay(ChatProxy proxy, Context ctx, Client client, String refusal, List<String> inputIds,
                Optional<AgentContext> agentContext, String instructions) {
        this.agentContext = agentContext;
        this.instructions = instructions;
        this.proxy = proxy;
        this.ctx = ctx;
        this.client = client;
        this.refusal = refusal;
        this.inputIds = inputIds;
        this.mapper = proxy.mapper();
        this.outputRules = client.guard().policy().rules(Role.ASSISTANT);
    }

    /** A refusal as a stream: role, refusal text, finish reason, done. */
    void refuse(String model) {
        // No upstream chunk to take the stream's fields from: a new id, now, and the model asked for.
        chunks = new ChunkJson(mapper, template(mapper.createObjectNode().put("model", model)));
        open();
        try {
            Choice c = new Choice(0, 0);
            out.event(chunks.chunk(0, delta("role", "assistant"), null));
            c.roleSent = true;
            block(c);
            out.done();
        } catch (SseWriter.ClientGoneException e) {
            LOG.log(System.Logger.Level.DEBUG, "client left during a refusal");
        } finally {
            out.end();
        }
    }

    void relay(UpstreamStream upstream) {
        open();
        try (upstream) {
            pump(upstream);
        } catch (SseWriter.ClientGoneException e) {
            LOG.log(System.Logger.Level.DEBUG, "client left mid-stream; upstream closed");
            recordUnfinished();
        } finally {
            out.end();
        }
    }

    private void open() {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        ctx.attribute(Responses.ANSWERED, Boolean.TRUE);
        try {
            out = new SseWriter(ctx.res().getOutputStream(), mapper);
        } catch (IOException e) {
            throw new IllegalStateException("no output stream", e);
        }
    }

    private void pump(UpstreamStream upstream) throws SseWriter.ClientGoneException {
        boolean done = false;
        int sinceCheck = 0;
        try {
            while (true) {
                Optional<String> event = upstream.next();
                if (event.isEmpty()) {
                    break;
                }
                String data = event.get().trim();
                if (data.equals("[DONE]")) {
                    done = true;
                    break;
                }
                JsonNode chunk;
                try {
                    chunk = mapper.readTree(data);
                } catch (IOException e) {
                    error(proxy.upstream().fail("malformed", 502, "The upstream server sent a malformed stream event."));
                    return;
                }
                if (!(chunk instanceof ObjectNode obj)) {
                    error(proxy.upstream().fail("malformed", 502, "The upstream server sent a malformed stream event."));
                    return;
                }
                if (obj.has("error")) {
                    error(proxy.upstream().fail("stream_error", 502, "The upstream server reported an error mid-stream."));
                    return;
                }
                if (chunks == null) {
                    chunks = new ChunkJson(mapper, template(obj));
                }
                JsonNode list = obj.get("choices");
                if (list == null || !list.isArray() || list.isEmpty()) {
                    if (obj.has("usage")) {
                        out.event(obj); // the usage chunk carries no text
                    }
                    continue;
                }
                for (JsonNode ch : list) {
                    take(ch); // finished choices ignore further deltas; a usage chunk may still follow
                }
                if (!upstream.ready() || ++sinceCheck >= MAX_EVENTS_PER_CHECK) {
                    // Events that one read brought in together (all that had arrived by then) are taken first
                    // and checked once: under load, one check and one write serve several tokens, and no
                    // token waits for one.
                    advance();
                    sinceCheck = 0;
                }
            }
            if (!done && choices.values().stream().anyMatch(c -> !c.finished)) {
                error(proxy.upstream().fail("early_close", 502,
                        "The upstream server closed the stream before the answer was complete."));
                return;
            }
            for (Choice c : choices.values()) {
                if (!c.finished) {
                    finish(c, "stop");
                }
            }
            out.done();
        } catch (IOException e) {
            if (upstream.timedOut()) {
                error(proxy.upstream().fail("timeout", 504, "The upstream server went silent mid-stream."));
            } else {
                error(proxy.upstream().fail("read_error", 502, "The connection to the upstream server broke mid-stream."));
            }
        } catch (FailedClosed e) {
            error(ApiException.internal("The safety check failed, so the answer was stopped."));
        } catch (ApiException e) {
            error(e);
        }
    }

    private void take(JsonNode ch) throws SseWriter.ClientGoneException, FailedClosed {
        int index = ch.path("index").asInt(0);
        Choice c = choices.computeIfAbsent(index, i -> new Choice(i, proxy.holdback()));
        if (c.finished) {
            return;
        }
        JsonNode delta = ch.path("delta");
        if (!c.roleSent) {
            out.event(chunks.chunk(index, delta("role", delta.path("role").asText("assistant")), null));
            c.roleSent = true;
        }
        ChatProxy.text(delta.get("content")).ifPresent(c.content::append);
        for (String key : List.of("reasoning_content", "reasoning")) {
            Optional<String> r = ChatProxy.text(delta.get(key));
            if (r.isPresent()) {
                c.reasoningKey = key;
                c.reasoning.append(r.get());
            }
        }
        JsonNode calls = delta.get("tool_calls");
        if (calls != null && calls.isArray()) {
            for (JsonNode call : calls) {
                holdToolCall(c, call);
            }
        }
        JsonNode finish = ch.get("finish_reason");
        if (finish != null && finish.isTextual()) {
            finish(c, finish.textValue());
        }
    }

    /** Checks and releases what every unfinished choice holds past its hold-back window. */
    private void advance() throws SseWriter.ClientGoneException, FailedClosed {
        for (Choice c : choices.values()) {
            if (!c.finished) {
                advance(c, c.content, "content");
            }
            if (!c.finished) {
                advance(c, c.reasoning, c.reasoningKey);
            }
        }
    }

    /** Releases what a check of the held text's window allows, or blocks. */
    private void advance(Choice c, HeldText held, String key) throws SseWriter.ClientGoneException, FailedClosed {
        if (!held.hasReleasable()) {
            return;
        }
        int from = held.windowStart();
        Verdict v = peek(held.text(from));
        if (v.action() == Action.BLOCK) {
            record(held.text()); // the blocking decision goes to the audit log
            block(c);
            return;
        }
        String s = held.release(v, from, false, outputRules);
        if (!s.isEmpty()) {
            out.event(chunks.text(c.index, key, s));
        }
    }

    private void finish(Choice c, String reason) throws SseWriter.ClientGoneException {
        boolean blocked = false;
        Verdict content = null;
        Verdict reasoning = null;
        if (!c.content.isEmpty()) {
            content = record(c.content.text()).verdict();
            blocked = content.action() == Action.BLOCK;
        }
        if (!blocked && !c.reasoning.isEmpty()) {
            reasoning = record(c.reasoning.text()).verdict();
            blocked = reasoning.action() == Action.BLOCK;
        }
        for (ObjectNode call : c.toolCalls.values()) {
            if (blocked) {
                break;
            }
            blocked = record(ChatProxy.toolCallText(call)).verdict().action() == Action.BLOCK;
        }
        if (blocked) {
            block(c);
            return;
        }
        if (agentContext.isPresent() && !c.toolCalls.isEmpty()) {
            // The calls were assembled whole from their deltas and nothing of them was sent yet.
            ChatProxy.ToolCallReport report = proxy.guardToolCalls(client, c.toolCalls.values(), agentContext.get());
            if (report.withheld()) {
                block(c, report.decisions());
                return;
            }
        }
        if (reasoning != null) {
            String s = c.reasoning.release(reasoning, true, outputRules);
            if (!s.isEmpty()) {
                out.event(chunks.text(c.index, c.reasoningKey, s));
            }
        }
        if (content != null) {
            String s = c.content.release(content, true, outputRules);
            if (!s.isEmpty()) {
                out.event(chunks.text(c.index, "content", s));
            }
        }
        if (!c.toolCalls.isEmpty()) {
            ObjectNode d = mapper.createObjectNode();
            ArrayNode arr = d.putArray("tool_calls");
            c.toolCalls.values().forEach(arr::add);
            out.event(chunks.chunk(c.index, d, null));
        }
        out.event(chunks.chunk(c.index, mapper.createObjectNode(), reason));
        c.finished = true;
    }

    private void block(Choice c) throws SseWriter.ClientGoneException {
        block(c, null);
    }

    /** The refusal and the finish; the last chunk says why tool calls were withheld, when they were. */
    private void block(Choice c, ArrayNode toolDecisions) throws SseWriter.ClientGoneException {
        out.event(chunks.chunk(c.index, delta("content", refusal), null));
        ObjectNode last = chunks.chunk(c.index, mapper.createObjectNode(), "content_filter");
        if (toolDecisions != null) {
            last.putObject("parapet").set("tool_call_decisions", toolDecisions);
        }
        out.event(last);
        c.finished = true;
    }

    /** An unrecorded check of text still held; a failed check fails closed unless configured open. */
    private Verdict peek(String text) throws FailedClosed {
        try {
            return client.guard().checkFast(ChatProxy.answer(text, instructions));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            if (!proxy.failOpen()) {
                LOG.log(System.Logger.Level.WARNING, "output check failed ({0}); stream stopped (fail closed)",
                        e.getClass().getSimpleName());
                throw new FailedClosed();
            }
            LOG.log(System.Logger.Level.WARNING, "output check failed ({0}); text released (fail open)",
                    e.getClass().getSimpleName());
            proxy.metrics().failOpen("check_error");
            return new Verdict(Action.ALLOW, Map.of(), java.util.Set.of(), List.of(), Optional.empty(), List.of(),
                    List.of(), client.guard().policy().id(), client.guard().policy().version(), java.time.Duration.ZERO);
        }
    }

    /** The client left: what the upstream had sent by then is still decided and recorded. */
    private void recordUnfinished() {
        for (Choice c : choices.values()) {
            if (!c.finished && !c.content.isEmpty()) {
                try {
                    record(c.content.text());
                } catch (ApiException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not record the decision of an abandoned stream");
                }
            }
        }
    }

    private Checked record(String text) {
        return proxy.decisions().check(client.guard(), client.id(), "chat.output", ChatProxy.answer(text, instructions), false);
    }

    /** Merges tool-call deltas by index: the first carries id, type and name; arguments arrive in pieces. */
    private void holdToolCall(Choice c, JsonNode delta) {
        int i = delta.path("index").asInt(c.toolCalls.size());
        ObjectNode call = c.toolCalls.computeIfAbsent(i, k -> {
            ObjectNode o = mapper.createObjectNode();
            o.put("index", k);
            o.putObject("function").put("arguments", "");
            return o;
        });
        ChatProxy.text(delta.get("id")).ifPresent(v -> call.put("id", v));
        ChatProxy.text(delta.get("type")).ifPresent(v -> call.put("type", v));
        JsonNode f = delta.path("function");
        ObjectNode fn = (ObjectNode) call.get("function");
        ChatProxy.text(f.get("name")).ifPresent(v -> fn.put("name", fn.path("name").asText("") + v));
        ChatProxy.text(f.get("arguments")).ifPresent(v -> fn.put("arguments", fn.get("arguments").asText() + v));
    }

    private void error(ApiException e) throws SseWriter.ClientGoneException {
        out.event(new ErrorBodies(mapper).body(e));
    }

    private ObjectNode template(ObjectNode first) {
        ObjectNode t = mapper.createObjectNode();
        t.put("id", first.path("id").asText("chatcmpl-parapet-" + UUID.randomUUID().toString().replace("-", "")));
        t.put("object", "chat.completion.chunk");
        t.put("created", first.path("created").asLong(System.currentTimeMillis() / 1000));
        t.put("model", first.path("model").asText(""));
        if (first.path("system_fingerprint").isTextual()) {
            t.put("system_fingerprint", first.get("system_fingerprint").textValue());
        }
        return t;
    }

    private ObjectNode delta(String key, String value) {
        ObjectNode d = mapper.createObjectNode();
        d.put(key, value);
        return d;
    }
}
