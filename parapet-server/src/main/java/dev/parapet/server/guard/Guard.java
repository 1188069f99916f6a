package dev.parapet.server.guard;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.verdict.Verdict;

import java.util.List;

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

    /** A policy over the given detectors (e.g. the rule detectors plus a classifier or a guard model). */
    public static Guard of(Policy policy, TextNormalizer normalizer, List<Detector> detectors) {
        // Both pipelines share one normaliser and one set of detectors: they are immutable, and lexicons
        // are costly to build.
        Parapet exhaustive = Parapet.builder().policy(policy).normalizer(normalizer).detectors(detectors)
                .exhaustive(true).build();
        Parapet fast = Parapet.builder().policy(policy).normalizer(normalizer).detectors(detectors).build();
        return new Guard(policy, exhaustive, fast);
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
