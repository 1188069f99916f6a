package dev.parapet.core.pipeline;

import dev.parapet.core.detect.Detector;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.text.UnicodeNormalizer;

import java.util.List;
import java.util.concurrent.ExecutorService;

/** Creates pipelines; keeps the pipeline's constructor out of the public API. */
public final class Pipelines {

    private Pipelines() {
    }

    public static Pipeline create(Policy policy, TextNormalizer normalizer, List<Detector> detectors,
                                  boolean exhaustive, PipelineListener listener, ExecutorService remoteExecutor) {
        return new Pipeline(policy, normalizer, detectors, exhaustive, listener, remoteExecutor);
    }

    /** Parapet's Unicode normaliser. */
    public static TextNormalizer defaultNormalizer() {
        return new UnicodeNormalizer();
    }
}
