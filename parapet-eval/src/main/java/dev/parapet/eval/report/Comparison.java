package dev.parapet.eval.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parapet.eval.dataset.DatasetException;

/** What changed between two evaluation reports: the headline figures of runs on the same dataset, side by side. */
public final class Comparison {

    private static final List<String> FIGURES = List.of("precision", "recall", "f1", "fpr", "auprc", "roc_auc",
            "recall_at_fpr_1pct");

    private Comparison() {
    }

    /** Reads the runs of a JSON report: a single run, a {@code runs} array, or a list of either. */
    public static List<JsonNode> read(Path file) {
        JsonNode root;
        try {
            root = JsonReport.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read as JSON (" + e.getMessage().split("\n")[0] + ")");
        }
        List<JsonNode> runs = new ArrayList<>();
        collect(root, runs);
        if (runs.isEmpty()) {
            throw new DatasetException(file + ": no evaluation runs found (expected objects with 'dataset' and 'n')");
        }
        return runs;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n == null) return;
        if (n.isArray()) {
            n.forEach(x -> collect(x, out));
        } else if (n.isObject()) {
            if (n.has("dataset") && n.has("n")) out.add(n);
            else collect(n.get("runs"), out);
        }
    }

    /** A Markdown table: for each dataset in either report, A's figure, B's figure and the change. */
    public static String markdown(String nameA, List<JsonNode> a, String nameB, List<JsonNode> b) {
        Map<String, JsonNode> byA = key(a);
        Map<String, JsonNode> byB = key(b);
        List<String> keys = new ArrayList<>(byA.keySet());
        byB.keySet().stream().filter(k -> !byA.containsKey(k)).forEach(keys::add);
        StringBuilder s = new StringBuilder("A: ").append(nameA).append("\nB: ").append(nameB).append("\n\n");
        s.append("| dataset | n A | n B |");
        FIGURES.forEach(f -> s.append(' ').append(f).append(" A | B | Δ |"));
        s.append("\n|---|--:|--:|");
        FIGURES.forEach(f -> s.append("--:|--:|--:|"));
        s.append('\n');
        for (String k : keys) {
            JsonNode x = byA.get(k);
            JsonNode y = byB.get(k);
            s.append("| ").append(Fmt.cell(k)).append(" | ").append(x == null ? Fmt.NONE : Fmt.count(x.get("n")))
                    .append(" | ").append(y == null ? Fmt.NONE : Fmt.count(y.get("n"))).append(" |");
            for (String f : FIGURES) {
                JsonNode va = x == null ? null : x.get(f);
                JsonNode vb = y == null ? null : y.get(f);
                s.append(' ').append(Fmt.frac(va)).append(" | ").append(Fmt.frac(vb)).append(" | ")
                        .append(Fmt.delta(va, vb)).append(" |");
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static Map<String, JsonNode> key(List<JsonNode> runs) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode r : runs) {
            String k = r.path("dataset").asText();
            if (m.containsKey(k)) k = k + " (" + r.path("filter").asText() + ")";
            m.putIfAbsent(k, r);
        }
        return m;
    }
}
