package dev.parapet.server.agent;

import dev.parapet.core.hash.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.agent.Action;
import dev.parapet.agent.AgentContext;
import dev.parapet.agent.AgentGuard;
import dev.parapet.agent.GuardResult;
import dev.parapet.agent.MalformedToolCallException;
import dev.parapet.agent.Reason;
import dev.parapet.agent.ToolCall;
import dev.parapet.agent.ToolOutput;
import dev.parapet.agent.policy.ToolPolicy;
import dev.parapet.agent.policy.ToolPolicyLoader;
import dev.parapet.core.yaml.YamlException;
import dev.parapet.server.config.ConfigException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent guard in the chat proxy. From a chat request it builds the conversation's provenance (system
 * and user messages are trusted; tool results are untrusted data, scanned for injected instructions;
 * earlier tool calls are replayed so rate limits count them), then checks each tool call of the upstream's
 * answer against the tool policy and that provenance. Thread-safe and immutable.
 */
public final class ToolCallGuard {

    private final AgentGuard guard;
    private final String policyId;
    private final String policyVersion;

    ToolCallGuard(AgentGuard guard, String policyId, String policyVersion) {
        this.guard = guard;
        this.policyId = policyId;
        this.policyVersion = policyVersion;
    }

    /**
     * Loads a tool policy file.
     *
     * @throws ConfigException when the file is missing or invalid (with file, line and reason)
     */
    public static ToolCallGuard load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such tool policy file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the tool policy (" + e.getMessage() + ")");
        }
        ToolPolicy policy;
        try {
            policy = ToolPolicyLoader.load(file.toString(), new ByteArrayInputStream(bytes));
        } catch (YamlException e) {
            throw new ConfigException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
        // The version is the file's content hash: the audit says exactly which rules decided.
        return new ToolCallGuard(AgentGuard.of(policy), "tools:" + file.getFileName(), Sha256.hex(bytes).substring(0, 12));
    }

    /** The policy's id in the audit log: {@code tools:FILENAME}. */
    public String policyId() {
        return policyId;
    }

    /** The first 12 hex digits of the policy file's SHA-256. */
    public String policyVersion() {
        return policyVersion;
    }

    /**
     * The provenance of a conversation: the request's messages in order. System (and developer) and user
     * texts are trusted; tool results are untrusted outputs of the call they answer (by
     * {@code tool_call_id}); the assistant's earlier tool calls are checked again so that allowed ones count
     * toward rate limits. Assistant text is not an origin of values.
     */
    public AgentContext context(JsonNode messages) {
        AgentContext ctx = AgentContext.empty();
        Map<String, ToolCall> callsById = new HashMap<>();
        for (JsonNode m : messages) {
            String text = text(m.get("content"));
            switch (m.path("role").asText("")) {
                case "system", "developer" -> ctx = text.isEmpty() ? ctx : ctx.withSystem(text);
                case "user" -> ctx = text.isEmpty() ? ctx : ctx.withUser(text);
                case "assistant" -> {
                    for (JsonNode call : m.path("tool_calls")) {
                        try {
                            ToolCall parsed = parse(call);
                            callsById.put(call.path("id").asText(""), parsed);
                            ctx = guard.checkToolCall(parsed, ctx).context();
                        } catch (MalformedToolCallException e) {
                            // an earlier call that cannot be read grounds nothing and counts for nothing
                        }
                    }
                }
                case "tool", "function" -> {
                    ToolCall call = callsById.get(m.path("tool_call_id").asText(""));
                    String name = call != null ? call.name() : m.path("name").asText("");
                    ToolOutput out = call != null ? ToolOutput.of(call, text)
                            : ToolOutput.of(name.isBlank() ? "unknown" : name, text);
                    ctx = guard.checkToolOutput(out, ctx).context();
                }
                default -> {
                    // other roles carry no values the guard traces
                }
            }
        }
        return ctx;
    }

    /**
     * Checks the tool calls of one answer in order; each allowed call is part of the context of the next.
     *
     * @param calls OpenAI tool calls ({@code {"id", "type", "function": {"name", "arguments"}}})
     */
    public List<ToolCallCheck> check(Iterable<? extends JsonNode> calls, AgentContext context) {
        List<ToolCallCheck> out = new ArrayList<>();
        AgentContext ctx = context;
        for (JsonNode call : calls) {
            String name = call.path("function").path("name").asText("");
            String text = name + "\n" + arguments(call);
            try {
                GuardResult r = guard.checkToolCall(parse(call), ctx);
                ctx = r.context();
                out.add(new ToolCallCheck(name, r.decision().action(), r.decision().reasons(), text));
            } catch (MalformedToolCallException e) {
                out.add(new ToolCallCheck(name, Action.BLOCK, List.of(new Reason("malformed_tool_call", Action.BLOCK,
                        name, "", "", malformed(e.getMessage()))), text));
            }
        }
        return out;
    }

    private static ToolCall parse(JsonNode call) {
        return ToolCall.parse(call.path("function").path("name").asText(""), arguments(call));
    }

    /** The arguments as a JSON string; some servers send an object instead of a string. */
    private static String arguments(JsonNode call) {
        JsonNode a = call.path("function").path("arguments");
        return a.isTextual() ? a.textValue() : a.isMissingNode() || a.isNull() ? "" : a.toString();
    }

    /** The parser's reason without the parser's quote of the offending text (part of a withheld call). */
    private static String malformed(String message) {
        int json = message.indexOf("are not valid JSON");
        return json < 0 ? message : message.substring(0, json + "are not valid JSON".length());
    }

    /** The text of a message's content: a string, or its text parts joined. */
    static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(part.get("text").textValue());
            }
        }
        return sb.toString();
    }
}
