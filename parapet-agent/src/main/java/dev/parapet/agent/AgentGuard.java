package dev.parapet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.agent.policy.ArgumentChecks;
import dev.parapet.agent.policy.ArgumentRule;
import dev.parapet.agent.policy.Approval;
import dev.parapet.agent.policy.Capability;
import dev.parapet.agent.policy.ToolPolicy;
import dev.parapet.agent.policy.ToolRule;
import dev.parapet.agent.provenance.Grounding;
import dev.parapet.agent.provenance.Scope;
import dev.parapet.agent.provenance.Trace;
import dev.parapet.agent.provenance.ValueTracer;
import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.text.UnicodeNormalizer;
import dev.parapet.detect.injection.InjectionDetector;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an agent's tool calls and the tool outputs it reads, against a {@link ToolPolicy} and the
 * provenance of every value. Deterministic; no model needed. Thread-safe and immutable: the conversation's
 * state lives in the {@link AgentContext} each check returns.
 *
 * <p>A tool call is checked for: a tool the policy names (unknown tools are blocked, or need approval if
 * the policy says so); arguments present, of bounded size and within their constraints; the rate limit;
 * and provenance. Provenance: a side-effecting call's target arguments (recipients, accounts, URLs,
 * paths), and the addresses, links and account numbers inside its other arguments, must be grounded in
 * the user's request or in data the user pointed at; a value seen only inside injected instructions is
 * blocked, one seen only in other untrusted prose needs approval. A side-effecting call that the user's
 * request does not cover (the tool's intents) needs approval once untrusted text has been read, and is
 * blocked once the conversation's accumulated injection risk passes the policy's threshold. Reads outside
 * the request need approval once any text has asked for actions, and are blocked past the threshold.
 *
 * <p>A tool output is scanned for injected instructions; the spans found poison the values inside them,
 * and the output's score adds to the conversation's risk (1 - Π(1 - score)), so instructions split over
 * several outputs add up.
 */
public final class AgentGuard {

    /** Findings at least this strong mark their span as injected (values inside are poisoned). */
    static final double POISON = 0.7;
    /** Plain values of at least this many words copied from untrusted text are sentences, not names. */
    static final int COPIED_SENTENCE_WORDS = 5;

    private final ToolPolicy policy;
    private final Detector detector;
    private final TextNormalizer normalizer;
    private final ValueTracer tracer;

    /**
     * @param policy     the tool policy
     * @param detector   the injection detector tool outputs are scanned with
     * @param normalizer the normaliser that prepares texts for the detector
     */
    public AgentGuard(ToolPolicy policy, Detector detector, TextNormalizer normalizer) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.tracer = new ValueTracer(policy.trustedValues());
    }

    /** A guard with Parapet's rule-based injection detector and normaliser. */
    public static AgentGuard of(ToolPolicy policy) {
        TextNormalizer n = new UnicodeNormalizer();
        return new AgentGuard(policy, InjectionDetector.defaults(n), n);
    }

    public ToolPolicy policy() {
        return policy;
    }

    /** Checks a call the agent wants to make; an allowed call is recorded in the returned context. */
    public GuardResult checkToolCall(ToolCall call, AgentContext context) {
        Optional<ToolRule> found = policy.tool(call.name());
        if (found.isEmpty()) {
            Reason r = new Reason("unknown_tool", policy.unknownTools(), call.name(), "", "",
                    "tool '" + call.name() + "' is not in the policy " + policy.source());
            return new GuardResult(Decision.of(List.of(r), context.risk(), List.of()), context);
        }
        ToolRule rule = found.get();
        List<Reason> reasons = new ArrayList<>();
        checkArguments(call, rule, reasons);
        rule.rateLimit().ifPresent(limit -> {
            if (context.callCount(rule.name()) >= limit.maxCalls()) {
                reasons.add(new Reason("rate_limit", Action.BLOCK, rule.name(), "", "",
                        "tool '" + rule.name() + "' was already called " + limit.maxCalls()
                                + " times in this conversation (the limit)"));
            }
        });
        boolean attacked = context.risk() >= policy.riskThreshold();
        boolean inScope = Scope.of(context.requestText()).covers(intents(rule));
        // Delegating to a document hands over which tools and plain values, never where things go: targets are
        // judged against the user's own words.
        boolean inOwnScope = inScope && Scope.of(context.userText()).covers(intents(rule));
        String suspect = context.mostSuspicious().map(e -> e.origin().toString()).orElse("");
        boolean untrusted = false;
        if (rule.sideEffecting()) {
            untrusted = checkProvenance(call, rule, context, attacked, inOwnScope, reasons);
            if (context.hasUntrusted() && !inScope) {
                reasons.add(attacked
                        ? new Reason("out_of_scope", Action.BLOCK, rule.name(), "", suspect, "tool '" + rule.name()
                        + "' is not part of the user's request and is called after injected instructions in " + suspect)
                        : new Reason("out_of_scope", Action.REQUIRE_APPROVAL, rule.name(), "", "", "tool '"
                        + rule.name() + "' changes things the user's request did not ask for, after untrusted data was read"));
            }
        } else if (!inScope && context.risk() > 0) {
            reasons.add(new Reason("out_of_scope", attacked ? Action.BLOCK : Action.REQUIRE_APPROVAL, rule.name(), "",
                    suspect, "tool '" + rule.name() + "' is not part of the user's request and is called after "
                    + (attacked ? "injected instructions" : "text that asks for actions") + " in " + suspect));
        }
        if (rule.approval() == Approval.ALWAYS) {
            reasons.add(new Reason("approval", Action.REQUIRE_APPROVAL, rule.name(), "", "",
                    "the policy requires approval for every call of '" + rule.name() + "'"));
        } else if (rule.approval() == Approval.IF_UNTRUSTED && untrusted) {
            reasons.add(new Reason("approval", Action.REQUIRE_APPROVAL, rule.name(), "", "",
                    "the policy requires approval when arguments of '" + rule.name() + "' come from untrusted data"));
        }
        Decision d = Decision.of(reasons, context.risk(), List.of());
        return new GuardResult(d, d.allowed() ? context.withCall(rule.name()) : context);
    }

    /**
     * Scans a tool output or retrieved document for injected instructions and records it in the returned
     * context. Blocked when the injection evidence reaches the policy's risk threshold: the application
     * should not show it to the model as it is (the decision's spans say where the instructions sit).
     */
    public GuardResult checkToolOutput(ToolOutput output, AgentContext context) {
        String text = output.text();
        List<Finding> findings;
        try {
            findings = detector.detect(Content.of(text, Role.TOOL), normalizer.analyze(text), Deadline.none());
        } catch (Exception e) {
            throw new IllegalStateException("injection detector failed: " + e.getMessage(), e);
        }
        double score = 0;
        List<Span> poisoned = new ArrayList<>();
        List<Span> suspect = new ArrayList<>();
        for (Finding f : findings) {
            score = Math.max(score, f.score());
            f.span().ifPresent((f.score() >= POISON ? poisoned : suspect)::add);
        }
        boolean designated = output.call().map(c -> pointedAtByUser(c, context)).orElse(false);
        double risk = 1 - (1 - context.risk()) * (1 - score);
        AgentContext next = context.with(new AgentContext.Entry(output.origin(), text, poisoned, suspect, score, designated), risk);
        List<Reason> reasons = new ArrayList<>();
        String where = output.origin().toString();
        if (score >= policy.riskThreshold()) {
            reasons.add(new Reason("injection", Action.BLOCK, output.origin().name(), "", where,
                    "the output of " + where + " holds instructions addressed to the agent (score "
                            + String.format(java.util.Locale.ROOT, "%.2f", score) + ")"));
        } else if (risk >= policy.riskThreshold() && context.risk() < policy.riskThreshold()) {
            reasons.add(new Reason("accumulated_injection", Action.BLOCK, output.origin().name(), "", where,
                    "instructions spread over several outputs, the last in " + where
                            + ", add up to an injection"));
        } else if (score > 0) {
            reasons.add(new Reason("injection_hint", Action.ALLOW, output.origin().name(), "", where,
                    "the output of " + where + " asks for actions; calls it may cause are checked closely"));
        }
        return new GuardResult(Decision.of(reasons, risk, poisoned), next);
    }

    private void checkArguments(ToolCall call, ToolRule rule, List<Reason> reasons) {
        for (ArgumentRule a : rule.arguments().values()) {
            if (a.required() && (!call.arguments().has(a.name()) || call.arguments().get(a.name()).isNull())) {
                reasons.add(new Reason("missing_argument", Action.BLOCK, rule.name(), a.name(), "",
                        "tool '" + rule.name() + "' needs argument '" + a.name() + "'"));
            }
        }
        for (Map.Entry<String, JsonNode> e : call.arguments().properties()) {
            if (rule.strict() && !rule.arguments().containsKey(e.getKey())) {
                reasons.add(new Reason("unknown_argument", Action.BLOCK, rule.name(), e.getKey(), "",
                        "tool '" + rule.name() + "' has no argument '" + e.getKey() + "'"));
                continue;
            }
            ArgumentRule a = rule.argument(e.getKey());
            for (String value : scalars(e.getValue())) {
                String problem = ArgumentChecks.violation(a, value);
                if (problem != null) {
                    reasons.add(new Reason("constraint", Action.BLOCK, rule.name(), a.name(), "",
                            "argument '" + a.name() + "' of tool '" + rule.name() + "': " + problem));
                }
            }
        }
    }

    /** @return whether any argument value came from untrusted data */
    private boolean checkProvenance(ToolCall call, ToolRule rule, AgentContext context, boolean attacked,
                                    boolean inScope, List<Reason> reasons) {
        boolean untrusted = false;
        boolean sendsOut = rule.capabilities().contains(Capability.SENDS_EXTERNALLY);
        for (Map.Entry<String, JsonNode> e : call.arguments().properties()) {
            String arg = e.getKey();
            boolean target = rule.argument(arg).target();
            Set<Origin> declared = call.derivedFrom().getOrDefault(arg, Set.of());
            for (String value : scalars(e.getValue())) {
                List<String> probes = target ? List.of(value) : Entities.in(value);
                for (String probe : probes) {
                    Trace t = tracer.trace(probe, context);
                    if (t.grounding() == Grounding.UNSEEN) {
                        Optional<Origin> taint = declared.stream().filter(o -> !o.trusted()).findFirst();
                        if (taint.isPresent()) {
                            t = new Trace(Grounding.DATA_PROSE, taint);
                        }
                    }
                    untrusted |= t.grounding() != Grounding.TRUSTED;
                    Reason r = judge(rule, arg, target, t, attacked, inScope, context.hasUntrusted());
                    if (r != null) {
                        reasons.add(r);
                    }
                }
                if (!target && value.length() >= 3 && value.length() <= 200) {
                    // A plain value copied out of injected instructions (a new password, a message).
                    Trace t = tracer.trace(value, context);
                    if (t.grounding() == Grounding.INJECTED) {
                        reasons.add(new Reason("injected_value", Action.BLOCK, rule.name(), arg, t.originName(),
                                "argument '" + arg + "' of '" + rule.name() + "' comes from instructions injected in "
                                        + t.originName()));
                    } else if ((t.grounding() == Grounding.DATA_PROSE || t.grounding() == Grounding.DATA_REFERENCED
                            || t.grounding() == Grounding.DATA_FIELD && sendsOut)
                            && isSentence(value) && context.risk() > 0) {
                        // A sentence copied word for word from untrusted text that asks for actions.
                        reasons.add(new Reason("copied_value", Action.REQUIRE_APPROVAL, rule.name(), arg,
                                t.originName(), "argument '" + arg + "' of '" + rule.name() + "' is copied from "
                                + t.originName() + ", which asks for actions"));
                    } else if (t.grounding() == Grounding.SUSPECT && !t.origin().map(context::delegatedTo).orElse(false)) {
                        // A plain value (an amount, a subject) from a request in a document the user delegated to
                        // is the user's own instruction; targets from it are still checked above.
                        reasons.add(new Reason("suspect_value", attacked ? Action.BLOCK : Action.REQUIRE_APPROVAL,
                                rule.name(), arg, t.originName(), "argument '" + arg + "' of '" + rule.name()
                                + "' comes from a request for actions inside " + t.originName()));
                    }
                }
            }
        }
        return untrusted;
    }

    private static Reason judge(ToolRule rule, String arg, boolean target, Trace t, boolean attacked,
                                boolean inScope, boolean untrustedSeen) {
        String what = target ? "argument '" + arg + "'" : "an address or link in argument '" + arg + "'";
        String of = " of '" + rule.name() + "'";
        String origin = t.originName();
        return switch (t.grounding()) {
            case TRUSTED -> null;
            case DATA_FIELD -> attacked && !inScope
                    ? new Reason("untrusted_target", Action.REQUIRE_APPROVAL, rule.name(), arg, origin,
                    what + of + " comes from data in " + origin + " after injected instructions") : null;
            case DATA_REFERENCED -> inScope ? null
                    : new Reason("untrusted_target", Action.REQUIRE_APPROVAL, rule.name(), arg, origin,
                    what + of + " comes from " + origin + " and the tool is not part of the user's request");
            case DATA_PROSE -> new Reason("ungrounded_target", attacked ? Action.BLOCK : Action.REQUIRE_APPROVAL,
                    rule.name(), arg, origin, what + of + " comes from text in " + origin
                    + " and is not grounded in the user's request");
            case SUSPECT -> new Reason("suspect_value", attacked ? Action.BLOCK : Action.REQUIRE_APPROVAL, rule.name(),
                    arg, origin, what + of + " comes from a request for actions inside " + origin);
            case UNSEEN -> untrustedSeen
                    ? new Reason("ungrounded_target", Action.REQUIRE_APPROVAL, rule.name(), arg, "",
                    what + of + " appears nowhere in the user's request or the data read") : null;
            case INJECTED -> new Reason("injected_value", Action.BLOCK, rule.name(), arg, origin,
                    what + of + " comes from instructions injected in " + origin);
        };
    }

    /**
     * True when an argument of the call that produced an output came from the user's request, or from
     * data the user pointed at (the inbox the user named mentions a page; that page is pointed at too).
     */
    private boolean pointedAtByUser(ToolCall call, AgentContext context) {
        for (Iterator<JsonNode> it = call.arguments().elements(); it.hasNext(); ) {
            for (String v : scalars(it.next())) {
                if (v.trim().length() < 3 || policy.trustedValues().contains(v.trim())) {
                    continue;
                }
                Grounding g = tracer.trace(v, context).grounding();
                if (g == Grounding.TRUSTED || g == Grounding.DATA_REFERENCED) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSentence(String value) {
        return value.trim().split("\\s+").length >= COPIED_SENTENCE_WORDS;
    }

    private static List<String> intents(ToolRule rule) {
        if (!rule.intents().isEmpty()) {
            return rule.intents();
        }
        // No intents given: the words of the tool's name, all of them ("send_money" -> "send money").
        return List.of(rule.name().replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' '));
    }

    /** The scalar values of an argument: itself, or the elements and fields inside it. */
    static List<String> scalars(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out, 0);
        return out;
    }

    private static void collect(JsonNode node, List<String> out, int depth) {
        if (node == null || node.isNull() || depth > 32) {
            return;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                collect(child, out, depth + 1);
            }
        } else {
            out.add(node.asText());
        }
    }
}
