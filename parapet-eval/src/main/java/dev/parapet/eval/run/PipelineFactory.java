package dev.parapet.eval.run;

import dev.parapet.core.detect.Detector;
import dev.parapet.core.text.TextNormalizer;

import java.util.List;

/**
 * A named set of detectors that {@code parapet eval --pipeline NAME} can run under any policy. Register more with
 * {@link PipelineRegistry#with(PipelineFactory)}, e.g. the default pipeline with its classifiers.
 */
public interface PipelineFactory {

    /** The name used on the command line. */
    String name();

    /** One line for {@code --help} and reports. */
    String description();

    /**
     * Builds the detectors.
     *
     * @param normalizer the pipeline's normaliser; detectors that analyse their own terms must use it
     */
    List<Detector> detectors(TextNormalizer normalizer);
}
