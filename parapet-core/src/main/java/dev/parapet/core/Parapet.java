package dev.parapet.core;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.pipeline.Pipeline;
import dev.parapet.core.pipeline.PipelineListener;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.text.UnicodeNormalizer;
import dev.parapet.core.verdict.Verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The library entry point:
 * <pre>
 * Parapet parapet = Parapet.builder().policy(policy).detectors(detectors).build();
 * Verdict v = parapet.check(Content.user("..."));
 * </pre>
 * Thread-safe; needs no network unless a detector does. Close it to stop the worker threads that
 * remote detectors run on.
 */
public final class Parapet implements AutoCloseable {

    private final Pipeline pipeline;
    private final ExecutorService remoteExecutor;

    private Parapet(Pipeline pipeline, ExecutorService remoteExecutor) {
        this.pipeline = pipeline;
        this.remoteExecutor = remoteExecutor;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Verdict check(Content content) {
        return pipeline.check(content);
    }

    /** Checks text written by a user. */
    public Verdict check(String userText) {
        return pipeline.check(Content.user(userText));
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public Policy policy() {
        return pipeline.policy();
    }

    @Override
    public void close() {
        if (remoteExecutor != null) {
            remoteExecutor.shutdownNow();
        }
    }

    /** Collects the parts; {@link #build()} validates them. Not thread-safe (builders rarely are). */
    public static final class Builder {
        private Policy policy;
        private TextNormalizer normalizer;
        private final List<Detector> detectors = new ArrayList<>();
        private boolean exhaustive;
        private PipelineListener listener = PipelineListener.NONE;

        private Builder() {
        }

        /** The policy; the built-in default when not given. */
        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The normaliser; Parapet's Unicode normaliser when not given. */
        public Builder normalizer(TextNormalizer normalizer) {
            this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
            return this;
        }

        /** The normaliser this builder will use: the one given, or the default. Detectors that analyse
         *  their own terms (lexicons) must use the same one. */
        public TextNormalizer normalizerOrDefault() {
            if (normalizer == null) {
                normalizer = new UnicodeNormalizer();
            }
            return normalizer;
        }

        public Builder detector(Detector detector) {
            detectors.add(Objects.requireNonNull(detector, "detector"));
            return this;
        }

        public Builder detectors(Collection<? extends Detector> detectors) {
            detectors.forEach(this::detector);
            return this;
        }

        /** Run every relevant detector even when the action can no longer change (full category scores). */
        public Builder exhaustive(boolean exhaustive) {
            this.exhaustive = exhaustive;
            return this;
        }

        public Builder listener(PipelineListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Parapet build() {
            Policy p = policy != null ? policy : Policy.defaultPolicy();
            TextNormalizer n = normalizerOrDefault();
            boolean remote = detectors.stream().anyMatch(d -> d.cost() == Cost.REMOTE);
            ExecutorService executor = remote ? Executors.newCachedThreadPool(daemonThreads()) : null;
            return new Parapet(new Pipeline(p, n, detectors, exhaustive, listener, executor), executor);
        }

        private static ThreadFactory daemonThreads() {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, "parapet-remote-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }
}
