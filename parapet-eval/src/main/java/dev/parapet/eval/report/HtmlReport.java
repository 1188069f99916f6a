package dev.parapet.eval.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs as one self-contained HTML page: the summary table, and per run a precision–recall curve and per-language
 * bars drawn as inline SVG. No scripts, no external files.
 */
public final class HtmlReport {

    private static final int W = 320;
    private static final int H = 220;
    private static final int PAD = 36;

    private HtmlReport() {
    }

    public static String page(String heading, List<JsonNode> runs) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Fmt.html(heading))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .5em;"
                        + "text-align:right}td:first-child,th:first-child{text-align:left}svg{margin:.5em 1em .5em 0;"
                        + "background:#fafafa}.charts{display:flex;flex-wrap:wrap}</style></head><body>\n");
        b.append("<h1>").append(Fmt.html(heading)).append("</h1>\n<table><tr><th>dataset</th><th>filter</th><th>n</th>"
                + "<th>threshold</th><th>precision</th><th>recall</th><th>F1</th><th>FPR</th><th>AUPRC</th>"
                + "<th>ROC-AUC</th><th>p50 ms</th><th>p99 ms</th></tr>\n");
        for (JsonNode r : runs) {
            b.append("<tr><td><a href=\"#").append(anchor(r)).append("\">").append(Fmt.html(r.path("dataset").asText()))
                    .append("</a></td><td>").append(Fmt.html(r.path("filter").asText())).append("</td>");
            for (String k : List.of("n", "threshold", "precision", "recall", "f1", "fpr", "auprc", "roc_auc")) {
                b.append("<td>").append(k.equals("n") ? Fmt.count(r.get(k)) : Fmt.frac(r.get(k))).append("</td>");
            }
            b.append("<td>").append(Fmt.ms(r.path("latency_ms").get("p50"))).append("</td><td>")
                    .append(Fmt.ms(r.path("latency_ms").get("p99"))).append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (JsonNode r : runs) {
            b.append("<h2 id=\"").append(anchor(r)).append("\">").append(Fmt.html(r.path("dataset").asText()))
                    .append(" — ").append(Fmt.html(r.path("filter").asText())).append("</h2>\n<p>")
                    .append(Fmt.html(r.path("title").asText())).append("</p>\n<div class=\"charts\">");
            if (r.path("pr_curve").size() > 0) b.append(prCurve(r.get("pr_curve")));
            if (r.has("by_language")) b.append(languageBars(r.get("by_language")));
            b.append("</div>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String anchor(JsonNode r) {
        return (r.path("dataset").asText() + "-" + r.path("filter").asText()).replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** Precision against recall, as a step line over the curve's points. */
    static String prCurve(JsonNode curve) {
        StringBuilder pts = new StringBuilder();
        for (JsonNode p : curve) {
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.get(1).asDouble()), y(p.get(2).asDouble())));
        }
        return svgStart("Precision–recall curve") + axes("recall", "precision")
                + "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"" + pts.toString().trim()
                + "\"/></svg>";
    }

    /** Per language: recall where there are unsafe texts, and the false-positive rate where there are safe ones. */
    static String languageBars(JsonNode byLanguage) {
        List<Map.Entry<String, JsonNode>> langs = new ArrayList<>();
        langs.addAll(byLanguage.properties());
        int w = Math.max(W, PAD + 24 * langs.size() + 10);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\"><title>Recall"
                        + " (blue) and false-positive rate (red) per language</title>", w, H + 20));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", PAD,
                H - PAD, w - 5, H - PAD));
        b.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"10\">0</text><text x=\"2\" y=\"%d\""
                + " font-size=\"10\">1</text>", H - PAD, PAD));
        int i = 0;
        for (Map.Entry<String, JsonNode> e : langs) {
            double x0 = PAD + 24.0 * i + 2;
            JsonNode g = e.getValue();
            bar(b, x0, g.get("recall"), "#1f77b4");
            bar(b, x0 + 10, g.get("fpr"), "#d62728");
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" transform=\"rotate(60 %.1f %d)\">%s</text>",
                    x0, H - PAD + 12, x0, H - PAD + 12, Fmt.html(e.getKey())));
            i++;
        }
        return b.append("</svg>").toString();
    }

    private static void bar(StringBuilder b, double x, JsonNode v, String colour) {
        if (v == null || !v.isNumber()) return;
        double h = v.asDouble() * (H - 2 * PAD);
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"%.1f\" fill=\"%s\"><title>%.3f</title></rect>",
                x, H - PAD - h, h, colour, v.asDouble()));
    }

    private static String svgStart(String title) {
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">"
                + "<title>%s</title>", W, H, Fmt.html(title));
    }

    private static String axes(String xLabel, String yLabel) {
        return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text><text x=\"2\" y=\"%d\" font-size=\"11\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"10\">0</text><text x=\"%d\" y=\"%d\" font-size=\"10\">1</text>",
                PAD, H - PAD, W - 10, H - PAD, PAD, H - PAD, PAD, 10, W / 2, H - 8, xLabel, PAD - 16, yLabel,
                PAD - 10, H - PAD + 12, W - 14, H - PAD + 12);
    }

    private static double x(double recall) {
        return PAD + recall * (W - 10 - PAD);
    }

    private static double y(double precision) {
        return (H - PAD) - precision * (H - PAD - 10);
    }
}
