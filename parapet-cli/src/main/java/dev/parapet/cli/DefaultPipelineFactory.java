package dev.parapet.cli;

import dev.parapet.core.detect.Detector;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.eval.run.PipelineFactory;
import dev.parapet.ml.DefaultDetectors;

import java.util.List;

/** The default pipeline (rules and the shipped classifiers), as {@code parapet eval --pipeline default} names it. */
final class DefaultPipelineFactory implements PipelineFactory {

    @Override
    public String name() {
        return "default";
    }

    @Override
    public String description() {
        return "rule detectors and the shipped classifiers (the default everywhere)";
    }

    @Override
    public List<Detector> detectors(TextNormalizer normalizer) {
        return DefaultDetectors.all(normalizer);
    }
}
