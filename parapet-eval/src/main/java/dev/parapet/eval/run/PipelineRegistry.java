package dev.parapet.eval.run;

import dev.parapet.core.detect.Detector;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.detect.RuleDetectors;
import dev.parapet.eval.dataset.DatasetException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pipelines that can be evaluated, by name. Immutable: {@link #with} returns a new registry. */
public final class PipelineRegistry {

    /** The rule detectors alone: lexicons, personal data, secrets. */
    public static final PipelineFactory RULES = new PipelineFactory() {
        @Override
        public String name() {
            return "rules";
        }

        @Override
        public String description() {
            return "the rule detectors: lexicons, personal data and secrets";
        }

        @Override
        public List<Detector> detectors(TextNormalizer normalizer) {
            return RuleDetectors.defaults(normalizer);
        }
    };

    private final Map<String, PipelineFactory> factories;

    private PipelineRegistry(Map<String, PipelineFactory> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    /** A registry with the {@code rules} pipeline. */
    public static PipelineRegistry builtIn() {
        return new PipelineRegistry(new LinkedHashMap<>()).with(RULES);
    }

    /** This registry plus one more pipeline (replacing one of the same name). */
    public PipelineRegistry with(PipelineFactory factory) {
        Map<String, PipelineFactory> m = new LinkedHashMap<>(factories);
        m.put(factory.name(), factory);
        return new PipelineRegistry(m);
    }

    public PipelineFactory get(String name) {
        PipelineFactory f = factories.get(name);
        if (f == null) {
            throw new DatasetException("unknown pipeline '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return f;
    }

    public List<String> names() {
        return new ArrayList<>(factories.keySet());
    }
}
