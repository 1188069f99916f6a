package dev.parapet.server.chat;

import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.policy.Rule;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.verdict.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One streamed text (an answer's content or its reasoning) held back until checked. Text is released only
 * after a check of its window (from {@link #windowStart()}): everything not yet released, plus the {@link #CONTEXT_CHARS}
 * released before it, so the cost of a check stays bounded however long the answer grows (checking all
 * of it every time would cost time quadratic in its length). The last {@code holdback} characters stay held
 * so that words completed by a later chunk are judged whole before any part of them leaves: a finding no
 * longer than the context that reaches into unreleased text always lies wholly inside the window, so the
 * window sees every such finding a check of the whole text would. Spans to redact are never split by a
 * release; they are replaced by a placeholder. Not thread-safe: one per stream channel.
 */
final class HeldText {

    /**
     * Released text a check still sees before the unreleased part. Far longer than any phrase, personal
     * value or secret token the rule detectors match, and long enough to give a classifier its context.
     */
    static final int CONTEXT_CHARS = 1024;
    /** How far back from the context's edge a check's window may start to begin at a word. */
    private static final int WORD_SEARCH = 64;

    private final int holdback;
    private final StringBuilder text = new StringBuilder();
    private int released;

    HeldText(int holdback) {
        this.holdback = holdback;
    }

    void append(String s) {
        text.append(s);
    }

    String text() {
        return text.toString();
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    /**
     * Where the next check's window starts: {@link #CONTEXT_CHARS} before the released end, moved back to the
     * start of a word (so that the window does not begin with the tail of a word) and never inside a
     * surrogate pair.
     */
    int windowStart() {
        int from = released - CONTEXT_CHARS;
        if (from <= 0) {
            return 0;
        }
        for (int i = from, stop = Math.max(0, from - WORD_SEARCH); i > stop; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return from < text.length() && Character.isLowSurrogate(text.charAt(from)) ? from - 1 : from;
    }

    /** The text from {@code from} to the end (from {@link #windowStart()}: what the next check looks at). */
    String text(int from) {
        return text.substring(from);
    }

    /** Whether enough unreleased text lies beyond the hold-back window to be worth a check. */
    boolean hasReleasable() {
        return text.length() - holdback > released;
    }

    /**
     * Releases what the verdict allows: up to the hold-back window, or everything when {@code last}.
     * Must not be called with a blocking verdict.
     *
     * @param rules the policy's rules for the answer's side, to know which findings are redacted
     *
     * @return the text to send now (possibly empty)
     */
    String release(Verdict v, boolean last, Map<String, Rule> rules) {
        return release(v, 0, last, rules);
    }

    /**
     * As {@link #release(Verdict, boolean, Map)}, for a verdict on the text from {@code offset} on (a
     * window): its spans are shifted by {@code offset}.
     */
    String release(Verdict v, int offset, boolean last, Map<String, Rule> rules) {
        if (v.action() == Action.BLOCK) {
            throw new IllegalStateException("a blocked text is never released");
        }
        int end = last ? text.length() : Math.max(released, text.length() - holdback);
        List<Span> redact = redactions(v, offset, rules);
        if (!last) {
            for (Span s : redact) {
                if (s.start() < end && end < s.end()) {
                    end = Math.max(released, s.start()); // never release part of a value to redact
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int i = released;
        for (Span s : redact) {
            if (s.end() <= i || s.start() >= end) {
                continue;
            }
            if (s.start() > i) {
                out.append(text, i, s.start());
            }
            out.append(placeholder(v, s, offset));
            i = Math.min(Math.max(i, s.end()), text.length());
        }
        if (i < end) {
            out.append(text, i, end);
        }
        released = Math.max(released, Math.max(end, i));
        return out.toString();
    }

    private static List<Span> redactions(Verdict v, int offset, Map<String, Rule> rules) {
        if (v.action() != Action.REDACT) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        for (Finding f : v.findings()) {
            Rule r = rules.get(f.category());
            if (f.span().isPresent() && r != null && r.action() == Action.REDACT && r.reachedBy(f.score())) {
                spans.add(new Span(f.span().get().start() + offset, f.span().get().end() + offset));
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        return spans;
    }

    private static String placeholder(Verdict v, Span s, int offset) {
        for (Finding f : v.findings()) {
            if (f.span().isPresent() && f.span().get().start() + offset == s.start()
                    && f.span().get().end() + offset == s.end() && !f.label().isEmpty()) {
                return "[" + f.label() + "]";
            }
        }
        return "[REDACTED]";
    }
}
