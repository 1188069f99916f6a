package dev.parapet.server.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.taxonomy.Taxonomy;
import dev.parapet.server.audit.Decision;
import dev.parapet.server.audit.DecisionLog;
import dev.parapet.server.audit.Feedback;
import dev.parapet.server.audit.FeedbackStore;
import dev.parapet.server.auth.Client;
import dev.parapet.server.http.ApiException;
import dev.parapet.server.http.Fields;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Participation: anyone may contest a decision or report a miss ({@code POST /v1/feedback}) and see what
 * became of it ({@code GET /v1/feedback/{id}}); reviewers work the queue ({@code GET /v1/review},
 * {@code POST /v1/review/{id}}) and export accepted items as a labelled dataset
 * ({@code GET /v1/review/export}, JSONL with {@code text}, {@code label}, {@code category},
 * {@code language}, readable by {@code parapet eval --file F --text-field text --label-field label
 * --positive unsafe}).
 */
public final class ReviewHandler {

    static final int MAX_COMMENT = 4000;
    static final int MAX_TEXT = 100_000;

    private final FeedbackStore feedback;
    private final DecisionLog decisions;
    private final Taxonomy taxonomy;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ReviewHandler(FeedbackStore feedback, DecisionLog decisions, Taxonomy taxonomy, ObjectMapper mapper,
                         Clock clock) {
        this.feedback = feedback;
        this.decisions = decisions;
        this.taxonomy = taxonomy;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** {@code POST /v1/feedback}. */
    public ObjectNode submit(ObjectNode req, Client client) throws SQLException {
        Feedback.Kind kind;
        try {
            kind = Feedback.Kind.parse(Fields.requiredString(req, "kind"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage(), "kind");
        }
        Optional<String> decisionId = Fields.optionalString(req, "decision_id");
        Optional<Decision> decision = Optional.empty();
        if (decisionId.isPresent()) {
            decision = decisions.find(decisionId.get());
            if (decision.isEmpty()) {
                throw new ApiException(404, "invalid_request_error", "No decision with id '" + decisionId.get() + "'.",
                        "decision_id", "not_found");
            }
        }
        String label = Fields.optionalString(req, "label").map(l -> l.trim().toLowerCase(Locale.ROOT))
                .orElse(kind.label());
        if (!label.equals("safe") && !label.equals("unsafe")) {
            throw ApiException.invalid("'label' must be safe or unsafe.", "label");
        }
        Optional<String> category = Fields.optionalString(req, "category");
        if (category.isPresent() && !taxonomy.contains(category.get())) {
            throw ApiException.invalid("Unknown category '" + category.get() + "'; use a canonical category id "
                    + "(see `parapet taxonomy list`).", "category");
        }
        if (category.isEmpty() && decision.isPresent() && !decision.get().flaggedCategories().isEmpty()) {
            category = Optional.of(decision.get().flaggedCategories().stream().sorted().findFirst().orElseThrow());
        }
        Optional<String> text = Fields.optionalString(req, "text");
        if (text.isEmpty() && decision.isPresent()) {
            text = decision.get().text();
        }
        if (text.isPresent() && text.get().length() > MAX_TEXT) {
            throw ApiException.invalid("'text' is longer than " + MAX_TEXT + " characters.", "text");
        }
        if (decision.isEmpty() && text.isEmpty()) {
            throw ApiException.invalid("Give a 'decision_id' or the 'text' concerned.", "decision_id");
        }
        Optional<String> comment = Fields.optionalString(req, "comment");
        if (comment.isPresent() && comment.get().length() > MAX_COMMENT) {
            throw ApiException.invalid("'comment' is longer than " + MAX_COMMENT + " characters.", "comment");
        }
        Optional<String> language = Fields.optionalString(req, "language");
        if (language.isEmpty()) {
            language = decision.flatMap(Decision::language);
        }
        Feedback f = new Feedback("fb_" + UUID.randomUUID().toString().replace("-", ""), decisionId,
                clock.instant(), client.id(), kind, label, category, language, comment, text,
                Feedback.Status.PENDING, Optional.empty(), Optional.empty(), Optional.empty());
        feedback.submit(f);
        return json(f);
    }

    /** {@code GET /v1/feedback/{id}}: what became of an item. */
    public ObjectNode status(Client client, String id) throws SQLException {
        Feedback f = feedback.find(id)
                .filter(x -> client.reviewer() || x.client().equals(client.id())) // others' reports stay private
                .orElseThrow(() -> ApiException.notFound("No feedback with id '" + id + "'."));
        return json(f);
    }

    /** {@code GET /v1/review?status=pending&limit=50}. */
    public ObjectNode queue(Client client, String status, String limit) throws SQLException {
        requireReviewer(client);
        Feedback.Status s;
        try {
            s = Feedback.Status.valueOf((status == null ? "pending" : status).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("'status' must be pending, accepted or rejected.", "status");
        }
        int n;
        try {
            n = limit == null ? 50 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("'limit' must be a whole number.", "limit");
        }
        if (n < 1 || n > 1000) {
            throw ApiException.invalid("'limit' must be between 1 and 1000.", "limit");
        }
        ObjectNode o = mapper.createObjectNode();
        o.put("object", "list");
        ArrayNode data = o.putArray("data");
        for (Feedback f : feedback.byStatus(s, n)) {
            data.add(json(f));
        }
        return o;
    }

    /** {@code POST /v1/review/{id}} with {@code {"decision":"accept"|"reject","note":…}}. */
    public ObjectNode decide(Client client, String id, ObjectNode req) throws SQLException {
        requireReviewer(client);
        String d = Fields.requiredString(req, "decision").trim().toLowerCase(Locale.ROOT);
        Feedback.Status status = switch (d) {
            case "accept" -> Feedback.Status.ACCEPTED;
            case "reject" -> Feedback.Status.REJECTED;
            default -> throw ApiException.invalid("'decision' must be accept or reject.", "decision");
        };
        Optional<String> note = Fields.optionalString(req, "note");
        if (note.isPresent() && note.get().length() > MAX_COMMENT) {
            throw ApiException.invalid("'note' is longer than " + MAX_COMMENT + " characters.", "note");
        }
        if (feedback.find(id).isEmpty()) {
            throw ApiException.notFound("No feedback with id '" + id + "'.");
        }
        if (!feedback.decide(id, status, client.id(), note, clock.instant())) {
            throw new ApiException(409, "invalid_request_error", "Feedback '" + id + "' has already been decided.",
                    null, "already_decided");
        }
        return status(client, id);
    }

    /** {@code GET /v1/review/export}: accepted items that carry their text, one JSON object per line. */
    public String export(Client client) throws SQLException {
        requireReviewer(client);
        StringBuilder sb = new StringBuilder();
        List<Feedback> accepted = feedback.byStatus(Feedback.Status.ACCEPTED, Integer.MAX_VALUE);
        for (Feedback f : accepted) {
            if (f.text().isEmpty()) {
                continue; // the audit kept only a hash: nothing to learn from
            }
            ObjectNode o = mapper.createObjectNode();
            o.put("text", f.text().get());
            o.put("label", f.label());
            putOrNull(o, "category", f.category());
            putOrNull(o, "language", f.language());
            o.put("id", f.id());
            try {
                sb.append(mapper.writeValueAsString(o)).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        }
        return sb.toString();
    }

    private static void requireReviewer(Client client) {
        if (!client.reviewer()) {
            throw ApiException.forbidden("This API key may not review feedback.");
        }
    }

    private ObjectNode json(Feedback f) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", f.id());
        o.put("object", "feedback");
        putOrNull(o, "decision_id", f.decisionId());
        o.put("created_at", f.time().toString());
        o.put("client", f.client());
        o.put("kind", f.kind().wireName());
        o.put("label", f.label());
        putOrNull(o, "category", f.category());
        putOrNull(o, "language", f.language());
        putOrNull(o, "comment", f.comment());
        putOrNull(o, "text", f.text());
        o.put("status", f.status().wireName());
        putOrNull(o, "reviewer", f.reviewer());
        putOrNull(o, "review_note", f.reviewNote());
        putOrNull(o, "reviewed_at", f.reviewedAt().map(Object::toString));
        return o;
    }

    private static void putOrNull(ObjectNode o, String key, Optional<String> v) {
        if (v.isPresent()) {
            o.put(key, v.get());
        } else {
            o.putNull(key);
        }
    }
}
