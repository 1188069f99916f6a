package dev.parapet.agent;

import dev.parapet.core.finding.Span;

import java.util.List;

/**
 * The guard's decision on a tool call or a tool output.
 *
 * @param action  allow, require approval or block: the strictest of the reasons' actions
 * @param reasons why; empty when nothing stood out
 * @param risk    the conversation's accumulated injection risk after this step, in 0..1
 * @param spans   for a tool output: where injected instructions sit in its text
 */
public record Decision(Action action, List<Reason> reasons, double risk, List<Span> spans) {

    public Decision {
        reasons = List.copyOf(reasons);
        spans = List.copyOf(spans);
    }

    static Decision of(List<Reason> reasons, double risk, List<Span> spans) {
        Action a = Action.ALLOW;
        for (Reason r : reasons) {
            a = a.max(r.action());
        }
        return new Decision(a, reasons, risk, spans);
    }

    public boolean allowed() {
        return action == Action.ALLOW;
    }
}
