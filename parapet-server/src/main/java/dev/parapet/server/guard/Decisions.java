package dev.parapet.server.guard;

import dev.parapet.core.hash.Sha256;
import dev.parapet.core.content.Content;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.verdict.DetectorFailure;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.server.audit.Decision;
import dev.parapet.server.audit.DecisionLog;
import dev.parapet.server.http.ApiException;
import dev.parapet.server.metrics.Metrics;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks content, records the decision and counts it. Fails closed: a check that throws, or a decision
 * the audit log cannot record, refuses the request, unless the gateway is configured to fail open, in which
 * case the content passes and the pass is logged and counted.
 */
public final class Decisions {

    private static final System.Logger LOG = System.getLogger(Decisions.class.getName());

    private final DecisionLog log;
    private final Metrics metrics;
    private final boolean failOpen;
    private final boolean storeText;
    private final Clock clock;

    public Decisions(DecisionLog log, Metrics metrics, boolean failOpen, boolean storeText, Clock clock) {
        this.log = log;
        this.metrics = metrics;
        this.failOpen = failOpen;
        this.storeText = storeText;
        this.clock = clock;
    }

    /**
     * Checks one content under a guard and records the decision.
     *
     * @param exhaustive score every category (moderation) or stop once decided (chat rails)
     */
    public Checked check(Guard guard, String client, String endpoint, Content content, boolean exhaustive) {
        return checkAll(guard, client, endpoint, List.of(content), exhaustive).get(0);
    }

    /**
     * Checks several contents (e.g. a request's messages) and records their decisions in one commit: the
     * request waits for the audit log once, not once per content.
     */
    public List<Checked> checkAll(Guard guard, String client, String endpoint, List<Content> contents,
                                  boolean exhaustive) {
        List<Checked> out = new ArrayList<>(contents.size());
        List<Decision> decisions = new ArrayList<>(contents.size());
        List<Double> seconds = new ArrayList<>(contents.size());
        for (Content content : contents) {
            long t0 = System.nanoTime();
            Checked c;
            try {
                c = decide(guard, content, endpoint, exhaustive, t0);
            } catch (ApiException e) {
                if (!decisions.isEmpty()) {
                    write(decisions); // the decisions made before the failure are still recorded
                }
                throw e;
            }
            out.add(c);
            decisions.add(new Decision(c.decisionId(), clock.instant(), client, endpoint, content.role().wireName(),
                    c.verdict().policyId(), c.verdict().policyVersion(), c.verdict().action().wireName(),
                    c.verdict().flagged(), c.verdict().categories(), c.verdict().flaggedCategories(), c.failedOpen(),
                    Sha256.hex(content.text()), content.text().length(),
                    storeText ? Optional.of(content.text()) : Optional.empty(), content.language(), List.of()));
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        write(decisions);
        for (int i = 0; i < contents.size(); i++) {
            String direction = contents.get(i).role().direction() == dev.parapet.core.content.Role.Direction.OUTPUT
                    ? "output" : "input";
            Verdict v = out.get(i).verdict();
            metrics.decision(direction, v.action().wireName(), v.flaggedCategories(), seconds.get(i));
        }
        return out;
    }

    /** The verdict on one content, failing closed (or, when so configured, open) when the check fails. */
    private Checked decide(Guard guard, Content content, String endpoint, boolean exhaustive, long t0) {
        Verdict v;
        boolean failedOpen = false;
        try {
            v = exhaustive ? guard.checkAll(content) : guard.checkFast(content);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            String what = e.getClass().getSimpleName();
            if (!failOpen) {
                LOG.log(System.Logger.Level.WARNING, "check failed ({0}) at {1}; request refused (fail closed)",
                        what, endpoint);
                throw ApiException.internal("The safety check failed, so the request was refused.");
            }
            LOG.log(System.Logger.Level.WARNING, "check failed ({0}) at {1}; content passed (fail open)",
                    what, endpoint);
            metrics.failOpen("check_error");
            failedOpen = true;
            v = new Verdict(Action.ALLOW, Map.of(), Set.of(), List.of(), Optional.empty(),
                    List.of("the check failed (" + what + "); passed because the gateway fails open"),
                    List.of(new DetectorFailure("pipeline", DetectorFailure.Kind.ERROR, "failed: " + what, true)),
                    guard.policy().id(), guard.policy().version(), Duration.ofNanos(System.nanoTime() - t0));
        }
        if (v.failures().stream().anyMatch(DetectorFailure::failedOpen)) {
            failedOpen = true;
            if (v.failures().stream().noneMatch(f -> f.detector().equals("pipeline"))) {
                metrics.failOpen("detector_error");
            }
        }
        return new Checked(newId(), v, failedOpen);
    }

    /**
     * Records the agent guard's decision on one tool call of an upstream answer, and counts it.
     *
     * @param guardAction what the guard decided: allow, require_approval or block
     * @param blocked     whether the call was withheld from the client (the proxy withholds anything
     *                    the guard did not allow)
     * @param reasonCodes the reasons' codes, counted in the metrics
     * @param reasons     the guard's reasons, one sentence each, naming tool, argument and origin
     * @param callText    the call as the model wrote it (name and arguments): hashed, stored only when
     *                    the audit stores text
     * @return the decision's id
     */
    public String recordToolCall(String client, String policyId, String policyVersion, String guardAction,
                                 boolean blocked, List<String> reasonCodes, List<String> reasons, String callText) {
        String id = newId();
        Decision d = new Decision(id, clock.instant(), client, "chat.tool_call", "assistant", policyId, policyVersion,
                blocked ? Action.BLOCK.wireName() : Action.ALLOW.wireName(), blocked, Map.of(), Set.of(), false,
                Sha256.hex(callText), callText.length(), storeText ? Optional.of(callText) : Optional.empty(),
                Optional.empty(), reasons);
        write(d);
        metrics.toolCall(guardAction, reasonCodes);
        return id;
    }

    /** Writes a decision; fails closed (the request is refused) unless the gateway fails open. */
    private void write(Decision d) {
        write(List.of(d));
    }

    /** Writes decisions in one commit; fails closed (the request is refused) unless the gateway fails open. */
    private void write(List<Decision> ds) {
        try {
            log.recordAll(ds);
        } catch (SQLException | RuntimeException e) {
            if (!failOpen) {
                LOG.log(System.Logger.Level.ERROR, "audit write failed ({0}); request refused (fail closed)",
                        e.getClass().getSimpleName());
                throw ApiException.unavailable("The decision could not be recorded in the audit log, "
                        + "so the request was refused.");
            }
            LOG.log(System.Logger.Level.ERROR, "audit write failed ({0}); decision(s) {1} not recorded (fail open)",
                    e.getClass().getSimpleName(), String.join(", ", ds.stream().map(Decision::id).toList()));
            metrics.failOpen("audit_error");
        }
    }

    private static String newId() {
        return "dec_" + UUID.randomUUID().toString().replace("-", "");
    }
}
