package dev.parapet.server.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.verdict.VerdictJson;
import dev.parapet.server.auth.Client;
import dev.parapet.server.guard.Checked;
import dev.parapet.server.guard.Decisions;
import dev.parapet.server.http.ApiException;
import dev.parapet.server.http.Fields;

import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/check}: Parapet's native verdict (the same JSON as {@code parapet check --json}) for
 * {@code {"text": …, "role": "user", "language": "de", "instructions": "…"}} (instructions: the system prompt a
 * user's message is sent with, checked for what it forbids or keeps secret), with the decision id.
 */
public final class CheckHandler {

    private final Decisions decisions;
    private final VerdictJson verdictJson;

    public CheckHandler(Decisions decisions, ObjectMapper mapper) {
        this.decisions = decisions;
        this.verdictJson = new VerdictJson(mapper);
    }

    public ObjectNode check(ObjectNode request, Client client) {
        String text = Fields.requiredString(request, "text");
        Role role;
        try {
            role = Role.parse(Fields.optionalString(request, "role").orElse("user"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage(), "role");
        }
        String language = Fields.optionalString(request, "language").orElse(null);
        String instructions = Fields.optionalString(request, "instructions").orElse(null);
        Content content = new Content(text, role, Optional.ofNullable(language), Map.of(), Optional.ofNullable(instructions));
        Checked c = decisions.check(client.guard(), client.id(), "check", content, true);
        ObjectNode out = verdictJson.toJson(c.verdict());
        out.put("decision_id", c.decisionId());
        out.put("failed_open", c.failedOpen());
        return out;
    }
}
