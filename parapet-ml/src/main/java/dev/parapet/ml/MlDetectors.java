package dev.parapet.ml;

import dev.parapet.core.detect.Detector;
import dev.parapet.core.content.Role;
import dev.parapet.ml.detect.ClassifierDetector;
import dev.parapet.ml.detect.RoleScopedDetector;
import dev.parapet.ml.lang.EnglishScope;
import dev.parapet.ml.model.EmbeddingClassifier;
import dev.parapet.ml.model.NgramClassifier;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parapet's shipped classifiers as {@link Detector}s, loaded from the classpath. Each call loads the models
 * afresh (the embedding model takes about a second), so build them once and share them: they are immutable and
 * thread-safe. A missing or corrupt model file fails here, never at the first request.
 */
public final class MlDetectors {

    /** Detector id of the n-gram model. */
    public static final String NGRAM_ID = "ml-ngram";
    /** Detector id of the injection and jailbreak model. */
    public static final String INJECTION_ID = "ml-injection";
    /** Detector id of the sentence-embedding model. */
    public static final String EMBEDDING_ID = "ml-minilm";

    /** The categories of injected instructions and jailbreaks. */
    static final Set<String> INJECTION_CATEGORIES = Set.of("prompt_injection", "jailbreak");

    /** The shipped injection model's name. */
    public static final String INJECTION_MODEL = "ngram-injection";

    private MlDetectors() {
    }

    /**
     * Every shipped classifier, cheapest first: the n-gram safety model, the n-gram injection model, then the
     * sentence-embedding model.
     */
    public static List<Detector> defaults() {
        return List.of(ngram(), injection(), embedding());
    }

    /** The language-agnostic hashed character n-gram model (tens of microseconds per kilobyte). */
    public static Detector ngram() {
        NgramClassifier model = NgramClassifier.load();
        return new ClassifierDetector(NGRAM_ID, model, Set.copyOf(model.heads().categories()));
    }

    /**
     * The injection and jailbreak model ({@code ngram-injection}) for the default pipeline: it reads the user's and
     * the system's messages (direct injections, jailbreak templates, in any language) and finds nothing in tool
     * results, where it was measured to flag clean code often (see docs/MODELS.md); there the rule detector and the
     * agent guard read instructions hidden in data. Categories {@code prompt_injection} and {@code jailbreak}.
     */
    public static Detector injection() {
        return new RoleScopedDetector(injectionClassifier(), Set.of(Role.USER, Role.SYSTEM));
    }

    /**
     * The same model on every role's content, tool results included: for applications that want it on documents
     * too and accept its false alarms there.
     */
    public static Detector injectionClassifier() {
        NgramClassifier model = NgramClassifier.load(INJECTION_MODEL);
        return new ClassifierDetector(INJECTION_ID, model, Set.copyOf(model.heads().categories()));
    }

    /**
     * The all-MiniLM-L6-v2 sentence-embedding model with its trained heads (milliseconds per window). MiniLM reads
     * English only, so it scores only the windows that {@link EnglishScope} finds English; the n-gram model covers the
     * other languages. It reports harm categories only: measured alone, its {@code prompt_injection} and
     * {@code jailbreak} labels caught 3–4% of the injection benchmarks' attacks while naming 7% of benign
     * WildGuardMix prompts (role-play set-ups) as injections, so injections are left to the injection detectors
     * (docs/MODELS.md). Its {@code jailbreak} label (trained on harmful requests dressed as role play) is renormalised
     * into the harm the request asks for; its {@code prompt_injection} label (trained on instructions that hijack a
     * task, harmless in themselves) is discounted, so an instruction-shaped request is not reported at full strength
     * under whichever harm ranks first.
     */
    public static Detector embedding() {
        EmbeddingClassifier model = EmbeddingClassifier.load();
        Set<String> harm = new TreeSet<>(model.heads().categories());
        harm.removeAll(INJECTION_CATEGORIES);
        return new ClassifierDetector(EMBEDDING_ID, model, harm, Set.of("prompt_injection"), EnglishScope.load());
    }
}
