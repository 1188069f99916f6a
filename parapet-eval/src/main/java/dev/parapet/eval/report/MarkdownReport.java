package dev.parapet.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.eval.run.Target;

import java.util.List;
import java.util.Map;

/** Runs (as their JSON objects) as Markdown: a summary table, then each run's breakdowns. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The summary table: one row per run, every figure with its n and threshold. */
    public static String summary(List<JsonNode> runs) {
        StringBuilder b = new StringBuilder();
        b.append("| dataset | filter | n | unsafe | safe | threshold | precision | recall | F1 | FPR | AUPRC | ROC-AUC"
                + " | recall @1% FPR | p50 ms | p99 ms |\n");
        b.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (JsonNode r : runs) {
            b.append("| ").append(Fmt.cell(r.path("dataset").asText())).append(" | ")
                    .append(Fmt.cell(r.path("filter").asText())).append(" | ")
                    .append(Fmt.count(r.get("n"))).append(" | ").append(Fmt.count(r.get("positives"))).append(" | ")
                    .append(Fmt.count(r.get("negatives"))).append(" | ").append(Fmt.frac(r.get("threshold"))).append(" | ")
                    .append(Fmt.frac(r.get("precision"))).append(" | ").append(Fmt.frac(r.get("recall"))).append(" | ")
                    .append(Fmt.frac(r.get("f1"))).append(" | ").append(Fmt.frac(r.get("fpr"))).append(" | ")
                    .append(Fmt.frac(r.get("auprc"))).append(" | ").append(Fmt.frac(r.get("roc_auc"))).append(" | ")
                    .append(Fmt.frac(r.get("recall_at_fpr_1pct"))).append(" | ")
                    .append(Fmt.ms(r.path("latency_ms").get("p50"))).append(" | ")
                    .append(Fmt.ms(r.path("latency_ms").get("p99"))).append(" |\n");
        }
        return b.toString();
    }

    /** A full report: the summary, then each run's details. */
    public static String report(String heading, List<JsonNode> runs) {
        StringBuilder b = new StringBuilder("# ").append(heading).append("\n\n");
        b.append(summary(runs)).append('\n');
        for (JsonNode r : runs) {
            b.append(details(r, "##"));
        }
        return b.toString();
    }

    /** One run's details under a heading of the given level. */
    public static String details(JsonNode r, String level) {
        StringBuilder b = new StringBuilder();
        b.append(level).append(' ').append(r.path("dataset").asText()).append(" — ").append(r.path("filter").asText())
                .append("\n\n");
        if (!r.path("title").asText().isEmpty()) b.append(r.path("title").asText()).append(". ");
        b.append("Licence class: ").append(r.path("licence").asText("–")).append(". Filter configuration: ")
                .append(r.path("configuration").asText()).append(". Counts as caught: ");
        b.append(Target.describe(texts(r.path("target")))).append(".\n\n");
        b.append("n = ").append(Fmt.count(r.get("n"))).append(" (").append(Fmt.count(r.get("positives")))
                .append(" unsafe, ").append(Fmt.count(r.get("negatives"))).append(" safe); threshold ")
                .append(Fmt.frac(r.get("threshold"))).append(thresholdNote(r)).append("; TP ").append(Fmt.count(r.get("tp")))
                .append(", FP ").append(Fmt.count(r.get("fp"))).append(", FN ").append(Fmt.count(r.get("fn")))
                .append(", TN ").append(Fmt.count(r.get("tn"))).append("; recall at 5% FPR ")
                .append(Fmt.frac(r.get("recall_at_fpr_5pct"))).append("; latency p50/p95/p99 ")
                .append(Fmt.ms(r.path("latency_ms").get("p50"))).append(" / ").append(Fmt.ms(r.path("latency_ms").get("p95")))
                .append(" / ").append(Fmt.ms(r.path("latency_ms").get("p99"))).append(" ms.");
        if (r.path("bad_rows").asLong() > 0) b.append(" Bad rows skipped: ").append(r.path("bad_rows").asLong()).append('.');
        if (r.path("excluded").asLong() > 0) b.append(" Left out by design: ").append(r.path("excluded").asLong()).append('.');
        if (r.path("detector_failures").asLong() > 0) {
            b.append(" Texts with a detector failure: ").append(r.path("detector_failures").asLong()).append('.');
        }
        if (r.has("notes")) b.append(' ').append(r.path("notes").asText());
        b.append("\n\n");
        if (r.has("by_language")) {
            b.append("Per language:\n\n").append(groupTable("language", r.get("by_language")));
        }
        if (r.has("category_detection")) b.append(categoryTable(r.get("category_detection")));
        if (r.has("by_category")) {
            b.append("Per category of the dataset (unsafe or safe as the dataset labels it):\n\n")
                    .append(groupTable("category", r.get("by_category")));
        }
        if (r.path("issues").size() > 0) {
            b.append("First bad rows:\n\n");
            r.get("issues").forEach(i -> b.append("- ").append(Fmt.cell(i.asText())).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    private static String thresholdNote(JsonNode r) {
        JsonNode t = r.path("thresholds");
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : t.properties()) {
            if (e.getValue().asDouble() != r.path("threshold").asDouble()) {
                b.append(b.length() == 0 ? " (" : ", ").append(e.getKey()).append(' ').append(Fmt.frac(e.getValue()));
            }
        }
        return b.length() == 0 ? "" : b.append(")").toString();
    }

    /** Per-group figures; a group with one class shows recall (all unsafe) or FPR (all safe) only. */
    static String groupTable(String what, JsonNode groups) {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(what).append(" | n | unsafe | safe | precision | recall | F1 | FPR | AUPRC |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        groups.properties().forEach(e -> {
            JsonNode g = e.getValue();
            b.append("| ").append(Fmt.cell(e.getKey())).append(" | ").append(Fmt.count(g.get("n"))).append(" | ")
                    .append(Fmt.count(g.get("positives"))).append(" | ").append(Fmt.count(g.get("negatives"))).append(" | ")
                    .append(Fmt.frac(g.get("precision"))).append(" | ").append(Fmt.frac(g.get("recall"))).append(" | ")
                    .append(Fmt.frac(g.get("f1"))).append(" | ").append(Fmt.frac(g.get("fpr"))).append(" | ")
                    .append(Fmt.frac(g.get("auprc"))).append(" |\n");
        });
        return b.append('\n').toString();
    }

    static String categoryTable(JsonNode c) {
        StringBuilder b = new StringBuilder();
        b.append("Canonical-category detection (flagged under the labelled category): macro-F1 ")
                .append(Fmt.frac(c.get("macro_f1"))).append(".\n\n");
        b.append("| category | support | precision | recall | F1 |\n|---|--:|--:|--:|--:|\n");
        c.path("categories").properties().forEach(e -> b.append("| ").append(e.getKey()).append(" | ")
                .append(Fmt.count(e.getValue().get("support"))).append(" | ").append(Fmt.frac(e.getValue().get("precision")))
                .append(" | ").append(Fmt.frac(e.getValue().get("recall"))).append(" | ")
                .append(Fmt.frac(e.getValue().get("f1"))).append(" |\n"));
        b.append("\nConfusion (rows: labelled category; columns: the category flagged with the highest score):\n\n");
        java.util.Set<String> cols = new java.util.TreeSet<>();
        c.path("confusion").forEach(row -> row.fieldNames().forEachRemaining(cols::add));
        b.append("| label |");
        cols.forEach(col -> b.append(' ').append(col).append(" |"));
        b.append("\n|---|");
        cols.forEach(col -> b.append("--:|"));
        b.append('\n');
        c.path("confusion").properties().forEach(e -> {
            b.append("| ").append(e.getKey()).append(" |");
            cols.forEach(col -> b.append(' ').append(e.getValue().path(col).asLong(0)).append(" |"));
            b.append('\n');
        });
        return b.append('\n').toString();
    }

    private static List<String> texts(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
