package dev.parapet.server.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.content.Content;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.core.verdict.VerdictJson;
import dev.parapet.server.auth.Client;
import dev.parapet.server.guard.Checked;
import dev.parapet.server.guard.Decisions;
import dev.parapet.server.http.ApiException;
import dev.parapet.server.http.Fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /v1/moderations}, request and response as the OpenAI moderation API: {@code input} is a
 * string, an array of strings (one result each) or an array of {@code {"type":"text","text":…}} parts
 * (one result for all). Each result also carries Parapet's verdict and decision id under {@code parapet}.
 */
public final class ModerationHandler {

    /** More inputs than this in one request is refused (the OpenAI API takes far fewer). */
    static final int MAX_INPUTS = 256;

    private final Decisions decisions;
    private final OpenAiCategories categories;
    private final VerdictJson verdictJson;
    private final ObjectMapper mapper;
    private final String model;

    public ModerationHandler(Decisions decisions, OpenAiCategories categories, ObjectMapper mapper, String model) {
        this.decisions = decisions;
        this.categories = categories;
        this.verdictJson = new VerdictJson(mapper);
        this.mapper = mapper;
        this.model = model;
    }

    public ObjectNode moderate(ObjectNode request, Client client) {
        Fields.optionalString(request, "model");
        List<String> texts = inputs(request.get("input"));
        ObjectNode response = mapper.createObjectNode();
        response.put("id", "modr-" + UUID.randomUUID().toString().replace("-", ""));
        response.put("model", model);
        ArrayNode results = response.putArray("results");
        for (String text : texts) {
            Checked c = decisions.check(client.guard(), client.id(), "moderations", Content.user(text), true);
            results.add(result(c));
        }
        return response;
    }

    private ObjectNode result(Checked c) {
        Verdict v = c.verdict();
        ObjectNode r = mapper.createObjectNode();
        r.put("flagged", v.flagged());
        ObjectNode cats = r.putObject("categories");
        categories.flags(v).forEach(cats::put);
        ObjectNode scores = r.putObject("category_scores");
        for (Map.Entry<String, Double> e : categories.scores(v).entrySet()) {
            scores.put(e.getKey(), e.getValue());
        }
        ObjectNode applied = r.putObject("category_applied_input_types");
        for (String code : categories.codes()) {
            applied.putArray(code).add("text");
        }
        ObjectNode ext = verdictJson.toJson(v);
        ext.put("decision_id", c.decisionId());
        ext.put("failed_open", c.failedOpen());
        r.set("parapet", ext);
        return r;
    }

    static List<String> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            throw ApiException.invalid("Missing required parameter: 'input'.", "input");
        }
        if (input.isTextual()) {
            return List.of(input.textValue());
        }
        if (!input.isArray()) {
            throw ApiException.invalid("Invalid type for 'input': expected a string or an array, but got "
                    + Fields.kind(input) + ".", "input");
        }
        if (input.isEmpty()) {
            throw ApiException.invalid("'input' must not be an empty array.", "input");
        }
        if (input.size() > MAX_INPUTS) {
            throw ApiException.invalid("'input' has " + input.size() + " items; at most " + MAX_INPUTS
                    + " are allowed.", "input");
        }
        if (input.get(0).isObject()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < input.size(); i++) {
                sb.append(i == 0 ? "" : "\n").append(part(input.get(i), i));
            }
            return List.of(sb.toString());
        }
        List<String> out = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            JsonNode n = input.get(i);
            if (!n.isTextual()) {
                throw ApiException.invalid("Invalid type for 'input[" + i + "]': expected a string, but got "
                        + Fields.kind(n) + ".", "input[" + i + "]");
            }
            out.add(n.textValue());
        }
        return out;
    }

    private static String part(JsonNode p, int i) {
        String param = "input[" + i + "]";
        if (!p.isObject()) {
            throw ApiException.invalid("Invalid type for '" + param + "': expected an object, but got "
                    + Fields.kind(p) + ".", param);
        }
        JsonNode type = p.get("type");
        if (type == null || !type.isTextual()) {
            throw ApiException.invalid("Missing required parameter: '" + param + ".type'.", param + ".type");
        }
        if (!type.textValue().equals("text")) {
            throw ApiException.invalid("Input type '" + type.textValue() + "' is not supported; only text is.",
                    param + ".type");
        }
        JsonNode text = p.get("text");
        if (text == null || !text.isTextual()) {
            throw ApiException.invalid("Invalid type for '" + param + ".text': expected a string.", param + ".text");
        }
        return text.textValue();
    }
}
