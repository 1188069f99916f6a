package dev.parapet.agent;

import dev.parapet.core.finding.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an agent has seen and done in one conversation: every text in its context with the text's origin,
 * where injected instructions were found in it, the calls the guard allowed, and the injection risk
 * accumulated over the conversation. Immutable: each step returns a new context.
 */
public final class AgentContext {

    /**
     * One text in the context.
     *
     * @param origin         where it came from
     * @param text           the text
     * @param injected       where injected instructions sit in it (values found only there are poisoned)
     * @param suspect        where weaker signs of instructions sit (requests for actions inside data)
     * @param injectionScore the strongest injection evidence found in it, 0..1
     * @param designated     true for the result of a call whose arguments came from the user's request
     *                       (the file, page or message the user named)
     */
    public record Entry(Origin origin, String text, List<Span> injected, List<Span> suspect, double injectionScore,
                        boolean designated) {

        public Entry {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(text, "text");
            injected = List.copyOf(injected);
            suspect = List.copyOf(suspect);
        }

    }

    private static final AgentContext EMPTY = new AgentContext(List.of(), List.of(), 0);

    private final List<Entry> entries;
    private final List<String> calls;
    private final double risk;

    private AgentContext(List<Entry> entries, List<String> calls, double risk) {
        this.entries = entries;
        this.calls = calls;
        this.risk = risk;
    }

    /** A conversation with nothing in it yet. */
    public static AgentContext empty() {
        return EMPTY;
    }

    /** A conversation that starts with a user's request. */
    public static AgentContext ofUser(String request) {
        return EMPTY.withUser(request);
    }

    public AgentContext withSystem(String text) {
        return with(new Entry(Origin.SYSTEM, text, List.of(), List.of(), 0, false), risk);
    }

    public AgentContext withUser(String text) {
        return with(new Entry(Origin.USER, text, List.of(), List.of(), 0, false), risk);
    }

    AgentContext with(Entry entry, double newRisk) {
        List<Entry> e = new ArrayList<>(entries.size() + 1);
        e.addAll(entries);
        e.add(entry);
        return new AgentContext(List.copyOf(e), calls, newRisk);
    }

    AgentContext withCall(String tool) {
        List<String> c = new ArrayList<>(calls.size() + 1);
        c.addAll(calls);
        c.add(tool);
        return new AgentContext(entries, List.copyOf(c), risk);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Accumulated injection risk of the conversation, 0..1: 1 - Π(1 - score) over the texts read. */
    public double risk() {
        return risk;
    }

    /** How many calls of {@code tool} the guard has allowed in this conversation. */
    public int callCount(String tool) {
        int n = 0;
        for (String c : calls) {
            if (c.equals(tool)) {
                n++;
            }
        }
        return n;
    }

    /** True once any text not from the system or the user has entered the context. */
    public boolean hasUntrusted() {
        for (Entry e : entries) {
            if (!e.origin().trusted()) {
                return true;
            }
        }
        return false;
    }

    /** The user's own words, all turns joined. */
    public String userText() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            if (e.origin().kind() == Origin.Kind.USER) {
                sb.append(e.text()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The strongest injection evidence of any text read so far, with its origin; empty when none. */
    public java.util.Optional<Entry> mostSuspicious() {
        Entry best = null;
        for (Entry e : entries) {
            if (e.injectionScore() > 0 && (best == null || e.injectionScore() > best.injectionScore())) {
                best = e;
            }
        }
        return java.util.Optional.ofNullable(best);
    }
}
