package dev.parapet.core.pipeline;

import dev.parapet.core.content.Content;
import dev.parapet.core.verdict.DetectorFailure;
import dev.parapet.core.verdict.Verdict;

import java.time.Duration;

/**
 * Observes the pipeline for metrics and audit (e.g. the gateway's Prometheus counters). Called on the
 * checking thread; implementations must be thread-safe and fast. Every method has a no-op default.
 */
public interface PipelineListener {

    PipelineListener NONE = new PipelineListener() {
    };

    default void detectorFinished(String detectorId, Duration elapsed) {
    }

    /** A detector failed; {@code failure.failedOpen()} says whether the policy ignored it. */
    default void detectorFailed(DetectorFailure failure) {
    }

    default void verdict(Content content, Verdict verdict) {
    }
}
