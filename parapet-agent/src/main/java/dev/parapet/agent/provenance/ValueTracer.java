package dev.parapet.agent.provenance;

import dev.parapet.agent.AgentContext;
import dev.parapet.agent.Origin;
import dev.parapet.core.finding.Span;

import java.util.List;
import java.util.Locale;

/**
 * Finds where a value in a tool call came from by looking for it in the texts of the context: the
 * user's or system's words ground it; data returned by tools grounds it less, depending on where in the
 * data it sits; injected instructions poison it. Values too short to say anything (under 3 chars) are
 * treated as trusted constants. Linear in the context's size per value.
 */
public final class ValueTracer {

    /** Shorter values carry no provenance worth tracking ("r", "10", "no"). */
    static final int MIN_TRACKED = 3;

    private final List<String> trustedValues;

    /** @param trustedValues values that are always grounded (the user's own account, address, domain) */
    public ValueTracer(List<String> trustedValues) {
        this.trustedValues = trustedValues.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    public Trace trace(String value, AgentContext context) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.length() < MIN_TRACKED || trustedValues.contains(v)) {
            return Trace.of(Grounding.TRUSTED, null);
        }
        Grounding best = null;
        Origin bestOrigin = null;
        for (AgentContext.Entry e : context.entries()) {
            String text = e.text().toLowerCase(Locale.ROOT);
            if (text.length() != e.text().length()) {
                text = e.text(); // keep offsets; matching is then case-sensitive
            }
            int from = 0;
            int at;
            while ((at = indexOfValue(text, v, from)) >= 0) {
                Grounding g = classify(e, text, at, at + v.length());
                if (best == null || g.ordinal() < best.ordinal()) {
                    best = g;
                    bestOrigin = e.origin();
                }
                if (best == Grounding.TRUSTED) {
                    return Trace.of(best, bestOrigin);
                }
                from = at + 1;
            }
        }
        return best == null ? Trace.of(Grounding.UNSEEN, null) : Trace.of(best, bestOrigin);
    }

    /** The next occurrence that is a whole token: "bob" is not found inside "bobby". */
    private static int indexOfValue(String text, String v, int from) {
        int at = text.indexOf(v, from);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))
                    || !Character.isLetterOrDigit(v.charAt(0)) || escapeBefore(text, at);
            int end = at + v.length();
            boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    || !Character.isLetterOrDigit(v.charAt(v.length() - 1));
            if (startOk && endOk) {
                return at;
            }
            at = text.indexOf(v, at + 1);
        }
        return -1;
    }

    private static Grounding classify(AgentContext.Entry e, String text, int start, int end) {
        if (e.origin().trusted()) {
            return Grounding.TRUSTED;
        }
        for (Span s : e.injected()) {
            if (start < s.end() && s.start() < end) {
                return Grounding.INJECTED;
            }
        }
        for (Span s : e.suspect()) {
            if (start < s.end() && s.start() < end) {
                return Grounding.SUSPECT;
            }
        }
        if (wholeField(text, start, end)) {
            return Grounding.DATA_FIELD;
        }
        return e.designated() ? Grounding.DATA_REFERENCED : Grounding.DATA_PROSE;
    }

    /**
     * True when an escaped line break or tab of a JSON string ({@code \n}, {@code \t}) ends just before
     * {@code at}: tool results are often serialised JSON, whose line breaks are two characters.
     */
    private static boolean escapeBefore(String text, int at) {
        if (at < 2 || "ntr".indexOf(text.charAt(at - 1)) < 0) {
            return false;
        }
        int slashes = 0;
        for (int k = at - 2; k >= 0 && text.charAt(k) == '\\'; k--) {
            slashes++;
        }
        return slashes % 2 == 1;
    }

    /**
     * True when the occurrence fills a field of structured data: it is delimited on both sides by quotes,
     * brackets, separators or line ends rather than by words of a sentence.
     */
    static boolean wholeField(String text, int start, int end) {
        int b = start - 1;
        while (b >= 0 && text.charAt(b) == ' ') {
            b--;
        }
        // A line of its own inside a JSON string ("Body:\nvalue\n") is delimited like one in plain text.
        boolean escapedBefore = b >= 1 && escapeBefore(text, b + 1);
        int a = end;
        while (a < text.length() && text.charAt(a) == ' ') {
            a++;
        }
        if (b >= 0 && (text.charAt(b) == '"' || text.charAt(b) == '\'')) {
            // A quoted value is a field only where the quote opens one: "key": "value", ['a', 'b'].
            b--;
            while (b >= 0 && text.charAt(b) == ' ') {
                b--;
            }
            if (b >= 0 && "[{(,:|\t\n=".indexOf(text.charAt(b)) < 0) {
                return false;
            }
        }
        boolean before = b < 0 || escapedBefore || "\"'[{(,:|\t\n=".indexOf(text.charAt(b)) >= 0;
        boolean after = a >= text.length() || "\"']}),|\t\n;".indexOf(text.charAt(a)) >= 0
                || a + 1 < text.length() && escapeBefore(text, a + 2);
        return before && after;
    }
}
