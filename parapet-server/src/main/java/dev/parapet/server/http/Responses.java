package dev.parapet.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes JSON answers and OpenAI-style errors, and marks the exchange as answered. */
public final class Responses {

    /** Set on a context once it has a body, so that Javalin's status-based error pages leave it alone. */
    public static final String ANSWERED = "parapet.answered";

    private final ObjectMapper mapper;
    private final ErrorBodies errors;

    public Responses(ObjectMapper mapper) {
        this.mapper = mapper;
        this.errors = new ErrorBodies(mapper);
    }

    public void json(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        ctx.attribute(ANSWERED, Boolean.TRUE);
    }

    public void error(Context ctx, ApiException e) {
        ctx.status(e.status()).contentType("application/json").result(errors.json(e));
        ctx.attribute(ANSWERED, Boolean.TRUE);
    }

    public ErrorBodies errors() {
        return errors;
    }

    public static boolean answered(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(ANSWERED));
    }
}
