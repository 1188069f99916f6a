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

    /**
     * The user's own words, and, when they delegate to a document they named ({@link
     * dev.parapet.agent.provenance.Scope#delegates}), the text of the documents the user pointed at, without the
     * passages where injected instructions were found: what the user's request covers. Requests for actions in
     * such a document (weaker signs) stay: they are the instructions the user handed over.
     */
    public String requestText() {
        String user = userText();
        if (!dev.parapet.agent.provenance.Scope.delegates(user)) {
            return user;
        }
        StringBuilder sb = new StringBuilder(user);
        for (Entry e : entries) {
            if (e.designated() && !e.origin().trusted()) {
                sb.append(without(e.text(), e.injected())).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * True when the user's request delegates to a document ({@link dev.parapet.agent.provenance.Scope#delegates})
     * and {@code origin} produced a document the user pointed at.
     */
    public boolean delegatedTo(Origin origin) {
        if (origin.trusted() || !dev.parapet.agent.provenance.Scope.delegates(userText())) {
            return false;
        }
        for (Entry e : entries) {
            if (e.designated() && e.origin().equals(origin)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with the chars inside the spans blanked out. */
    private static String without(String text, List<Span> spans) {
        char[] c = text.toCharArray();
        for (Span s : spans) {
            for (int i = Math.max(0, s.start()); i < Math.min(c.length, s.end()); i++) {
                c[i] = ' ';
            }
        }
        return new String(c);
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
