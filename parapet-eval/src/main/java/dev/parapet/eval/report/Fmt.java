package dev.parapet.eval.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** Number formatting shared by the text renderers: undefined values show as an en dash. */
final class Fmt {

    static final String NONE = "–";

    private Fmt() {
    }

    /** A 0–1 fraction with three decimals. */
    static String frac(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? NONE : String.format(Locale.ROOT, "%.3f", n.asDouble());
    }

    /** Milliseconds with two decimals. */
    static String ms(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? NONE : String.format(Locale.ROOT, "%.2f", n.asDouble());
    }

    static String count(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? NONE : Long.toString(n.asLong());
    }

    /** A signed difference with three decimals. */
    static String delta(JsonNode a, JsonNode b) {
        if (a == null || b == null || !a.isNumber() || !b.isNumber()) return NONE;
        return String.format(Locale.ROOT, "%+.3f", b.asDouble() - a.asDouble());
    }

    /** Text safe inside a Markdown table cell. */
    static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
