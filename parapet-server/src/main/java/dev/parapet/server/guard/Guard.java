package dev.parapet.server.guard;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.pipeline.PipelineScreen;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.verdict.Verdict;

import java.time.Duration;
import java.util.List;

/**
 * One policy with its pipelines: an exhaustive one that scores every category (moderation, check) and
 * one that stops as soon as the action is decided (chat rails, on the latency path). Both first try the
 * pipeline's fast path ({@link PipelineScreen}), which proves most ordinary texts clean without analysing
 * them and yields the very verdict the full pipeline would (with nothing found, exhaustive or not makes
 * no difference). Thread-safe.
 */
public final class Guard implements AutoCloseable {

    private final Policy policy;
    private final Parapet exhaustive;
    private final Parapet fast;
    private final PipelineScreen screen; // null when the pipeline has no fast path (e.g. with classifiers)

    private Guard(Policy policy, Parapet exhaustive, Parapet fast) {
        this.policy = policy;
        this.exhaustive = exhaustive;
        this.fast = fast;
        this.screen = PipelineScreen.of(fast.pipeline()).orElse(null);
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
        return check(exhaustive, content);
    }

    /** Stops once the action cannot get stricter. */
    public Verdict checkFast(Content content) {
        return check(fast, content);
    }

    private Verdict check(Parapet pipeline, Content content) {
        long t0 = System.nanoTime();
        if (screen != null && screen.clears(content)) {
            return screen.allow(Duration.ofNanos(System.nanoTime() - t0));
        }
        return pipeline.check(content);
    }

    @Override
    public void close() {
        exhaustive.close();
        fast.close();
    }
}
