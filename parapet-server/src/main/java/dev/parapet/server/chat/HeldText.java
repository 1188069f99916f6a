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
 * after a check of everything received so far, and the last {@code holdback} characters stay held so that
 * words completed by a later chunk are judged whole before any part of them leaves. Spans to redact are
 * never split by a release; they are replaced by a placeholder. Not thread-safe: one per stream channel.
 */
final class HeldText {

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
        if (v.action() == Action.BLOCK) {
            throw new IllegalStateException("a blocked text is never released");
        }
        int end = last ? text.length() : Math.max(released, text.length() - holdback);
        List<Span> redact = redactions(v, rules);
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
            out.append(placeholder(v, s));
            i = Math.min(Math.max(i, s.end()), text.length());
        }
        if (i < end) {
            out.append(text, i, end);
        }
        released = Math.max(released, Math.max(end, i));
        return out.toString();
    }

    private static List<Span> redactions(Verdict v, Map<String, Rule> rules) {
        if (v.action() != Action.REDACT) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        for (Finding f : v.findings()) {
            Rule r = rules.get(f.category());
            if (f.span().isPresent() && r != null && r.action() == Action.REDACT && r.reachedBy(f.score())) {
                spans.add(f.span().get());
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        return spans;
    }

    private static String placeholder(Verdict v, Span s) {
        for (Finding f : v.findings()) {
            if (f.span().isPresent() && f.span().get().equals(s) && !f.label().isEmpty()) {
                return "[" + f.label() + "]";
            }
        }
        return "[REDACTED]";
    }
}
