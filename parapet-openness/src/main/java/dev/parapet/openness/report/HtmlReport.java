package dev.parapet.openness.report;

import dev.parapet.openness.assess.Assessment;
import dev.parapet.openness.assess.MofResult;
import dev.parapet.openness.assess.OsaiResult;
import dev.parapet.openness.assess.Profile;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders assessments as one self-contained HTML page: per record a component × framework matrix, colour-coded,
 * with the reasons on hover (title attributes) and the evidence links. No scripts, no external resources.
 */
public final class HtmlReport {

    public String render(List<Assessment> assessments) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Openness report</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;font-size:14px}th{background:#f3f3f3;text-align:left}")
                .append(".open{background:#c8f0c8}.partial{background:#fdf1b8}.closed{background:#f6c6c6}.na{background:#eee;color:#888}")
                .append("h2{margin-top:2em}.summary td{border:none}</style></head><body><h1>Openness report</h1>\n");
        for (Assessment a : assessments) record(sb, a);
        return sb.append("</body></html>\n").toString();
    }

    private void record(StringBuilder sb, Assessment a) {
        sb.append("<h2>").append(esc(a.release().name())).append("</h2>\n<table class=\"summary\">");
        row(sb, "MOF", a.mof().label() + String.format(Locale.ROOT, " (I %.0f%%, II %.0f%%, III %.0f%%)",
                a.mof().progress().get("1"), a.mof().progress().get("2"), a.mof().progress().get("3")));
        row(sb, "MOF with licence repair", a.mofNormalized().label());
        row(sb, "OSI OSAID 1.0", (a.osaid().pass() ? "pass: " : "fail: ") + String.join("; ", a.osaid().reasons()));
        a.osai().ifPresent(o -> row(sb, "Open Source AI Index", String.format(Locale.ROOT, "%.1f%%", o.score() * 100)));
        row(sb, "Release gradient", a.gradient().level().title() + " — " + a.gradient().reason());
        sb.append("</table>\n<table><tr><th>component</th><th>availability</th><th>MOF (tool)</th><th>MOF (repaired)</th>")
                .append("<th>OSAID</th><th>Index</th><th>evidence</th></tr>\n");
        for (ComponentType t : ComponentType.values()) {
            Component c = a.release().components().get(t);
            MofResult.Check tool = check(a.mof(), t);
            MofResult.Check rep = check(a.mofNormalized(), t);
            sb.append("<tr><td>").append(esc(t.title())).append("</td>");
            cell(sb, c == null ? "na" : c.availability().released() ? "open" : c.availability().name().equals("ABSENT") ? "closed" : "partial",
                    c == null ? "absent" : c.availability().id(), "");
            mofCell(sb, tool);
            mofCell(sb, rep);
            String osaidState = osaidRelevant(t) ? (a.osaid().pass() ? "open" : "closed") : "na";
            cell(sb, osaidState, osaidRelevant(t) ? (a.osaid().pass() ? "meets" : "see reasons") : "—",
                    String.join("; ", a.osaid().reasons()));
            indexCell(sb, a, t);
            sb.append("<td>");
            if (c != null && c.location().startsWith("http")) {
                sb.append("<a href=\"").append(esc(c.location())).append("\">link</a>");
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</table>\n<p><b>Goals of openness</b></p><ul>");
        for (Map.Entry<String, Profile.GoalResult> g : a.profile().goals().entrySet()) {
            sb.append("<li class=\"").append(g.getValue().unlocked() ? "open" : "closed").append("\">")
                    .append(esc(g.getValue().title())).append(g.getValue().unlocked() ? ": unlocked"
                            : ": blocked — " + esc(String.join("; ", g.getValue().blockers()))).append("</li>");
        }
        sb.append("</ul>\n");
        if (!a.consistency().isEmpty()) {
            sb.append("<p><b>Consistency</b></p><ul>");
            a.consistency().forEach(s -> sb.append("<li>").append(esc(s)).append("</li>"));
            sb.append("</ul>\n");
        }
        if (!a.warnings().isEmpty()) {
            sb.append("<p><b>Warnings</b></p><ul>");
            a.warnings().forEach(s -> sb.append("<li>").append(esc(s)).append("</li>"));
            sb.append("</ul>\n");
        }
    }

    private static boolean osaidRelevant(ComponentType t) {
        return t == ComponentType.TRAINING_DATA || t == ComponentType.DATA_PROCESSING_CODE || t == ComponentType.TRAINING_CODE
                || t == ComponentType.INFERENCE_CODE || t == ComponentType.WEIGHTS_FINAL;
    }

    private static void indexCell(StringBuilder sb, Assessment a, ComponentType t) {
        String ref = switch (t) {
            case TRAINING_DATA -> "datasources_basemodel";
            case WEIGHTS_FINAL -> "weights_endmodel";
            case TRAINING_CODE -> "trainingcode";
            case TECHNICAL_REPORT -> "preprint";
            case RESEARCH_PAPER -> "paper";
            case MODEL_CARD -> "modelcard";
            case DATA_CARD -> "datasheet";
            default -> null;
        };
        OsaiResult.Parameter p = a.osai().flatMap(o -> o.parameters().stream().filter(x -> x.ref().equals(ref)).findFirst())
                .orElse(null);
        if (p == null) {
            cell(sb, "na", "—", "");
            return;
        }
        String cls = switch (p.grade()) {
            case OPEN -> "open";
            case PARTIAL -> "partial";
            default -> "closed";
        };
        cell(sb, cls, p.grade().id(), p.notes());
    }

    private static void mofCell(StringBuilder sb, MofResult.Check c) {
        if (c == null) {
            cell(sb, "na", "—", "");
            return;
        }
        cell(sb, c.open() ? "open" : c.included() ? "partial" : "closed",
                c.license() == null ? (c.included() ? "no licence" : "missing") : c.license(), c.reason());
    }

    private static MofResult.Check check(MofResult m, ComponentType t) {
        return m.components().stream().filter(c -> c.type() == t).findFirst().orElse(null);
    }

    private static void cell(StringBuilder sb, String cls, String text, String title) {
        sb.append("<td class=\"").append(cls).append("\" title=\"").append(esc(title)).append("\">").append(esc(text)).append("</td>");
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("<tr><td><b>").append(esc(k)).append("</b></td><td>").append(esc(v)).append("</td></tr>");
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
