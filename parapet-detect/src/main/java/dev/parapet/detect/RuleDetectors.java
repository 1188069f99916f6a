package dev.parapet.detect;

import dev.parapet.core.detect.Detector;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.detect.injection.InjectionDetector;
import dev.parapet.detect.lexicon.LexiconDetector;
import dev.parapet.detect.pii.PiiDetector;
import dev.parapet.detect.pii.SecretsDetector;
import dev.parapet.detect.request.RequestDetector;

import java.util.List;

/**
 * The rule detectors every deployment gets: the shipped lexicons, personal data, secrets, injected instructions, what
 * instructions keep, and requests a rule can name (a named work in full, explicit sexual writing).
 */
public final class RuleDetectors {

    private RuleDetectors() {
    }

    /**
     * @param normalizer the pipeline's normaliser; the lexicon analyses its terms with it so that terms
     *                   and text are folded the same way
     */
    public static List<Detector> defaults(TextNormalizer normalizer) {
        InjectionDetector injection = InjectionDetector.defaults(normalizer);
        return List.of(LexiconDetector.defaults(normalizer), new PiiDetector(), new SecretsDetector(), injection,
                injection.leakDetector(), RequestDetector.defaults(normalizer));
    }
}
