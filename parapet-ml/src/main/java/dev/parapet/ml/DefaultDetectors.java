package dev.parapet.ml;

import dev.parapet.core.detect.Detector;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.detect.RuleDetectors;

import java.util.ArrayList;
import java.util.List;

/** The detectors of the default pipeline: the rule detectors, then the shipped classifiers. */
public final class DefaultDetectors {

    private DefaultDetectors() {
    }

    /**
     * {@link RuleDetectors#defaults(TextNormalizer)} followed by {@link MlDetectors#defaults()}.
     *
     * @param normalizer the pipeline's normaliser (the rule detectors fold their terms with it)
     */
    public static List<Detector> all(TextNormalizer normalizer) {
        List<Detector> all = new ArrayList<>(RuleDetectors.defaults(normalizer));
        all.addAll(MlDetectors.defaults());
        return List.copyOf(all);
    }
}
