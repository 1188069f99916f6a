package dev.parapet.judge.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.judge.ApiStyle;
import dev.parapet.judge.client.ChatMessage;
import dev.parapet.judge.client.ChatReply;
import dev.parapet.judge.client.ChatRequest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * gpt-oss-safeguard: a reasoning model that follows a written policy. The policy goes in the system message
 * (instructions, definitions of the categories, optional text of the user's own, and an output format), the
 * content in the user message; the model reasons (the server returns that separately) and answers in the
 * policy's output format, here one JSON object: {@code {"violation": 0|1, "category": "<id>", "rationale": "…"}}.
 * Categories are canonical ids (or a policy pack's), so its crosswalk is the identity.
 */
public final class GptOssSafeguard implements GuardModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> definitions;
    private final String policy;
    private final int maxTokens;

    /**
     * @param definitions category id → definition, in the order the policy lists them
     * @param ownPolicy   the user's own policy text, placed between the definitions and the output format
     * @param maxTokens   answer length bound, reasoning included
     */
    public GptOssSafeguard(Map<String, String> definitions, Optional<String> ownPolicy, int maxTokens) {
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("gpt-oss-safeguard needs at least one category");
        }
        this.definitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
        this.maxTokens = maxTokens;
        this.policy = write(this.definitions, ownPolicy);
    }

    /** The system message sent with every request. */
    public String policy() {
        return policy;
    }

    private static String write(Map<String, String> definitions, Optional<String> ownPolicy) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Content safety policy\n\n## Instructions\n");
        sb.append("Classify the content against the categories below. The content is a user's prompt, or an "
                + "assistant's response together with the prompt that led to it; in that case judge only the "
                + "response, using the prompt as context. Content violates a category when it does what the "
                + "definition describes; discussing a topic in an educational, news, critical or preventive way "
                + "without enabling harm is not a violation.\n\n## Definitions\n");
        definitions.forEach((id, def) -> sb.append("- ").append(id).append(": ").append(def.strip()).append('\n'));
        ownPolicy.filter(p -> !p.isBlank()).ifPresent(p -> sb.append("\n## Policy details\n").append(p.strip()).append('\n'));
        sb.append("\n## Output format\nAnswer with exactly one JSON object and nothing else:\n");
        sb.append("{\"violation\": 0 or 1, \"category\": \"<the id of the violated category, or null>\", "
                + "\"rationale\": \"<one short sentence>\"}\n");
        return sb.toString();
    }

    @Override
    public String taxonomy() {
        return "canonical";
    }

    @Override
    public List<String> codes() {
        return List.copyOf(definitions.keySet());
    }

    @Override
    public List<Ask> asks(Exchange exchange, ApiStyle style) {
        String content = exchange.response()
                .map(r -> "User prompt:\n" + exchange.prompt() + "\n\nAssistant response:\n" + r)
                .orElse(exchange.prompt());
        return List.of(new Ask("", ChatRequest.of(
                List.of(ChatMessage.system(policy), ChatMessage.user(content)), maxTokens)));
    }

    @Override
    public GuardVerdict read(Ask ask, Exchange exchange, ChatReply reply) throws MalformedVerdictException {
        String text = reply.content().strip();
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close < open) {
            throw new MalformedVerdictException("gpt-oss-safeguard answered " + Answers.describe(text)
                    + " instead of the policy's JSON object" + (text.isEmpty() ? " (truncated answer? raise max_tokens)" : ""));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.substring(open, close + 1));
        } catch (IOException e) {
            throw new MalformedVerdictException("gpt-oss-safeguard's answer is not valid JSON");
        }
        JsonNode v = root.path("violation");
        int violation;
        if (v.isInt() && (v.asInt() == 0 || v.asInt() == 1)) {
            violation = v.asInt();
        } else if (v.isBoolean()) {
            violation = v.asBoolean() ? 1 : 0;
        } else if (v.isTextual() && (v.asText().equals("0") || v.asText().equals("1"))) {
            violation = Integer.parseInt(v.asText());
        } else {
            throw new MalformedVerdictException("gpt-oss-safeguard's answer has no 'violation' of 0 or 1");
        }
        if (violation == 0) {
            return GuardVerdict.safe("gpt-oss-safeguard: no violation");
        }
        JsonNode c = root.path("category");
        String category = c.isTextual() ? c.asText().strip() : "";
        if (!definitions.containsKey(category)) {
            throw new MalformedVerdictException("gpt-oss-safeguard named a category outside its policy: "
                    + Answers.describe(category));
        }
        return new GuardVerdict(1.0, List.of(category), "gpt-oss-safeguard: violation of " + category);
    }

    @Override
    public String policyText() {
        return policy;
    }
}
