package dev.parapet.server.guard;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.detect.RuleDetectors;

/**
 * One policy with its pipelines: an exhaustive one that scores every category (moderation, check) and
 * one that stops as soon as the action is decided (chat rails, on the latency path). Thread-safe.
 */
public final class Guard implements AutoCloseable {

    private final Policy policy;
    private final Parapet exhaustive;
    private final Parapet fast;

    private Guard(Policy policy, Parapet exhaustive, Parapet fast) {
        this.policy = policy;
        this.exhaustive = exhaustive;
        this.fast = fast;
    }

    /** The default rule pipeline (lexicons, PII, secrets) under a policy. */
    public static Guard rules(Policy policy) {
        return new Guard(policy, build(policy, true), build(policy, false));
    }

    private static Parapet build(Policy policy, boolean exhaustive) {
        Parapet.Builder b = Parapet.builder().policy(policy).exhaustive(exhaustive);
        return b.detectors(RuleDetectors.defaults(b.normalizerOrDefault())).build();
    }

    public Policy policy() {
        return policy;
    }

    /** Every category scored. */
    public Verdict checkAll(Content content) {
        return exhaustive.check(content);
    }

    /** Stops once the action cannot get stricter. */
    public Verdict checkFast(Content content) {
        return fast.check(content);
    }

    @Override
    public void close() {
        exhaustive.close();
        fast.close();
    }
}
