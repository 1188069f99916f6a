package dev.parapet.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.eval.metric.CategoryDetection;
import dev.parapet.eval.metric.Confusion;
import dev.parapet.eval.metric.Latency;
import dev.parapet.eval.metric.Metrics;
import dev.parapet.eval.metric.Ranking;
import dev.parapet.eval.run.RunResult;
import dev.parapet.eval.run.SuiteResult;

import java.util.List;
import java.util.Map;

/**
 * Runs as JSON: one object per run with {@code n}, {@code threshold}, {@code precision}, {@code recall}, {@code f1},
 * {@code fpr}, {@code auprc} and the rest as 0–1 fractions; an undefined rate (no positives, say) is {@code null}.
 * Several runs make a {@code runs} array.
 */
public final class JsonReport {

    /** Points of the precision–recall curve kept per run. */
    public static final int CURVE_POINTS = 101;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** One run as a JSON object. */
    public static ObjectNode run(RunResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("dataset", r.dataset());
        o.put("title", r.title());
        o.put("licence", r.licence());
        o.put("filter", r.filter());
        o.put("configuration", r.configuration());
        ArrayNode t = o.putArray("target");
        r.target().forEach(t::add);
        num(o, "threshold", r.threshold());
        ObjectNode ts = o.putObject("thresholds");
        r.thresholds().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> num(ts, e.getKey(), e.getValue()));
        metrics(o, r.overall());
        ObjectNode lat = o.putObject("latency_ms");
        Latency l = r.latency();
        num(lat, "p50", l.p50());
        num(lat, "p95", l.p95());
        num(lat, "p99", l.p99());
        num(lat, "mean", l.mean());
        num(lat, "max", l.max());
        if (!r.byCategory().isEmpty()) groups(o.putObject("by_category"), r.byCategory());
        if (!r.byLanguage().isEmpty()) groups(o.putObject("by_language"), r.byLanguage());
        r.categories().ifPresent(c -> categories(o.putObject("category_detection"), c));
        o.put("bad_rows", r.badRows());
        ArrayNode issues = o.putArray("issues");
        r.issues().forEach(i -> issues.add(i.toString()));
        o.put("excluded", r.excluded());
        o.put("detector_failures", r.failures());
        if (!r.notes().isEmpty()) o.put("notes", r.notes());
        if (r.overall().confusion().positives() == 0 || r.overall().confusion().negatives() == 0) {
            return o; // a curve needs both classes
        }
        ArrayNode curve = o.putArray("pr_curve");
        for (Ranking.Point p : r.overall().ranking().curve(CURVE_POINTS)) {
            ArrayNode pt = curve.addArray();
            pt.add(round(p.threshold()));
            pt.add(round(p.recall()));
            pt.add(round(p.precision()));
        }
        return o;
    }

    /** A suite: its name, its runs, what it skipped. */
    public static ObjectNode suite(SuiteResult s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("suite", s.suite());
        ArrayNode runs = o.putArray("runs");
        s.runs().forEach(r -> runs.add(run(r)));
        ArrayNode skipped = o.putArray("skipped");
        s.skipped().forEach(skipped::add);
        return o;
    }

    public static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a list of runs as {@code {"runs": [...]}}. */
    public static String write(List<RunResult> runs) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode a = o.putArray("runs");
        runs.forEach(r -> a.add(run(r)));
        return write(o);
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static void metrics(ObjectNode o, Metrics m) {
        Confusion c = m.confusion();
        o.put("n", c.n());
        o.put("positives", c.positives());
        o.put("negatives", c.negatives());
        num(o, "precision", c.precision());
        num(o, "recall", c.recall());
        num(o, "f1", c.f1());
        num(o, "fpr", c.fpr());
        num(o, "accuracy", c.accuracy());
        num(o, "auprc", m.ranking().auprc());
        num(o, "roc_auc", m.ranking().rocAuc());
        num(o, "recall_at_fpr_1pct", m.ranking().recallAtFpr1());
        num(o, "recall_at_fpr_5pct", m.ranking().recallAtFpr5());
        o.put("tp", c.tp());
        o.put("fp", c.fp());
        o.put("fn", c.fn());
        o.put("tn", c.tn());
    }

    private static void groups(ObjectNode o, Map<String, Metrics> groups) {
        groups.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> metrics(o.putObject(e.getKey()), e.getValue()));
    }

    private static void categories(ObjectNode o, CategoryDetection c) {
        num(o, "macro_f1", c.macroF1());
        ObjectNode per = o.putObject("categories");
        c.perCategory().forEach((k, v) -> {
            ObjectNode x = per.putObject(k);
            x.put("support", v.positives());
            num(x, "precision", v.precision());
            num(x, "recall", v.recall());
            num(x, "f1", v.f1());
        });
        ObjectNode conf = o.putObject("confusion");
        c.confusion().forEach((label, row) -> {
            ObjectNode x = conf.putObject(label);
            row.forEach(x::put);
        });
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(key);
        else o.put(key, round(v));
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1e6) / 1e6;
    }
}
