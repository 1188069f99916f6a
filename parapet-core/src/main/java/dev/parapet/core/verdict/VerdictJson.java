package dev.parapet.core.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.finding.Finding;

import java.util.Map;

/**
 * Parapet's JSON shape for a verdict, the same everywhere Parapet writes one (CLI, scan output,
 * gateway). Offsets {@code start}/{@code end} are UTF-16 code units into the original text, as in
 * JavaScript and Java strings.
 *
 * <pre>
 * {"action":"redact","flagged":true,"categories":{"pii":0.99},"flagged_categories":["pii"],
 *  "findings":[{"category":"pii","score":0.99,"start":11,"end":30,"detector":"pii",
 *               "label":"CREDIT_CARD","evidence":"Luhn-valid Visa number"}],
 *  "redacted_text":"My card is [CREDIT_CARD_1]","reasons":["..."],"failures":[],
 *  "policy":{"id":"default","version":"..."},"elapsed_ms":0.05}
 * </pre>
 */
public final class VerdictJson {

    private final ObjectMapper mapper;

    public VerdictJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode toJson(Verdict v) {
        return toJson(mapper.createObjectNode(), v);
    }

    /** Adds the verdict's fields to {@code o} (after any the caller put first, such as a file and line). */
    public ObjectNode toJson(ObjectNode o, Verdict v) {
        o.put("action", v.action().wireName());
        o.put("flagged", v.flagged());
        ObjectNode cats = o.putObject("categories");
        for (Map.Entry<String, Double> e : v.categories().entrySet()) {
            cats.put(e.getKey(), round(e.getValue()));
        }
        ArrayNode flagged = o.putArray("flagged_categories");
        v.flaggedCategories().stream().sorted().forEach(flagged::add);
        ArrayNode findings = o.putArray("findings");
        for (Finding f : v.findings()) {
            findings.add(finding(f));
        }
        v.redactedText().ifPresent(t -> o.put("redacted_text", t));
        ArrayNode reasons = o.putArray("reasons");
        v.reasons().forEach(reasons::add);
        ArrayNode failures = o.putArray("failures");
        for (DetectorFailure f : v.failures()) {
            ObjectNode fo = failures.addObject();
            fo.put("detector", f.detector());
            fo.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
            fo.put("message", f.message());
            fo.put("failed_open", f.failedOpen());
        }
        ObjectNode policy = o.putObject("policy");
        policy.put("id", v.policyId());
        policy.put("version", v.policyVersion());
        o.put("elapsed_ms", Math.round(v.elapsed().toNanos() / 1_000.0) / 1_000.0);
        return o;
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public ObjectNode finding(Finding f) {
        ObjectNode fo = mapper.createObjectNode();
        fo.put("category", f.category());
        fo.put("score", round(f.score()));
        if (f.span().isPresent()) {
            fo.put("start", f.span().get().start());
            fo.put("end", f.span().get().end());
        } else {
            fo.putNull("start");
            fo.putNull("end");
        }
        fo.put("detector", f.detector());
        if (!f.label().isEmpty()) {
            fo.put("label", f.label());
        }
        if (!f.evidence().isEmpty()) {
            fo.put("evidence", f.evidence());
        }
        return fo;
    }

    public String write(Verdict v) {
        return write(toJson(v));
    }

    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // a tree of plain nodes always writes
        }
    }

    private static double round(double d) {
        return Math.round(d * 10_000.0) / 10_000.0;
    }
}
