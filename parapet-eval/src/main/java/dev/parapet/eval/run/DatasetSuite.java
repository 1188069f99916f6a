package dev.parapet.eval.run;

import dev.parapet.eval.dataset.DatasetException;
import dev.parapet.eval.dataset.DatasetLoader;
import dev.parapet.eval.dataset.DatasetRegistry;
import dev.parapet.eval.dataset.DatasetSpec;
import dev.parapet.eval.dataset.LoadedDataset;
import dev.parapet.eval.dataset.Selector;

import java.util.ArrayList;
import java.util.List;

/** A suite that runs the filter on a list of registry datasets; a dataset whose files are absent is skipped. */
public final class DatasetSuite implements Suite {

    /**
     * The benchmarks of the quality bar: harmful-intent, over-refusal, hate, hazards, languages, injection, the
     * benign hard negatives judged a second time as injections (prompts that mention injection or trigger words),
     * and the project's own sets: intent against topic (contrast), obfuscated terms, ordinary chat (smalltalk) and
     * everyday requests (everyday-requests, and everyday-heldout, which no model trains on), harmful requests beside
     * harmless ones in 22 languages (harmful-requests, and harmful-heldout, which no model trains on), users'
     * attempts to take over the assistant in 21 languages beside ordinary messages with the same words
     * (injection-messages, and injection-heldout, which no model trains on), users' own set-ups of a conversation
     * (user-setups), pasted documents with and without an instruction to the model (pasted-documents-heldout,
     * never trained on), and texts about groups of people, hateful beside friendly, neutral and counter-speech
     * (identity-mentions, whose English rows MiniLM keeps as exemplars, and identity-heldout, never read by a model).
     */
    public static final List<String> STANDARD = List.of("toxicchat:test", "xstest", "jbb", "harmbench:test",
            "hatecheck", "ailuminate:test:en", "ailuminate:test:fr", "xsafety:test", "rtp-lx", "multijail",
            "ud-sentences:test", "cyberseceval-frr:test", "wildguardmix:test", "deepset:test", "cyberseceval-pi",
            "bipia:test", "cyberseceval-frr:test@injection", "wildguardmix:test@injection", "contrast", "obfuscation",
            "smalltalk:test", "everyday-requests:test", "everyday-heldout", "harmful-requests:test", "harmful-heldout",
            "injection-messages:test", "injection-heldout", "user-setups:test", "pasted-documents-heldout",
            "identity-mentions:test", "identity-heldout");

    /**
     * Where changes are decided, so that the standard suite's test splits are measured once, after the decision:
     * ToxicChat's train split (no shipped model trains on it), and the parts of the other sets that the shipped
     * models train on, whose figures run high but show what a change trades (harmful-request recall in each
     * language against false positives on benign and topic-matched prompts). No test split.
     */
    public static final List<String> DEVELOPMENT = List.of("toxicchat:train", "harmbench:val", "advbench:train",
            "ailuminate:train:en", "ailuminate:train:fr", "donotanswer:train", "xsafety:train", "ud-sentences:train",
            "cyberseceval-frr:train", "wildguardmix:train", "smalltalk:train", "everyday-requests:train",
            "harmful-requests:train", "identity-mentions:train", "deepset:train", "bipia:train",
            "injection-messages:train", "user-setups:train", "pasted-documents:train",
            "cyberseceval-frr:train@injection", "wildguardmix:train@injection", "instruction-probes:dev",
            "hijack-probes:dev", "document-probes:dev", "setup-probes:dev");

    private final String name;
    private final String description;
    private final DatasetRegistry registry;
    private final List<String> selectors;
    private final boolean evaluationPage;

    /** A suite whose Markdown report lists its runs (see {@link Suite#evaluationPage}). */
    public DatasetSuite(String name, String description, DatasetRegistry registry, List<String> selectors) {
        this(name, description, registry, selectors, false);
    }

    private DatasetSuite(String name, String description, DatasetRegistry registry, List<String> selectors,
                         boolean evaluationPage) {
        this.name = name;
        this.description = description;
        this.registry = registry;
        this.selectors = List.copyOf(selectors);
        this.evaluationPage = evaluationPage;
        // fail at construction on a typo, in the dataset's name, split, language or target
        selectors.forEach(s -> Target.resolve(Selector.parse(s, registry).targetOr(List.of("unsafe"))));
    }

    /** The {@code standard} suite over the built-in registry. */
    public static DatasetSuite standard(DatasetRegistry registry) {
        return new DatasetSuite("standard", "every public benchmark of the quality bar that the data allows",
                registry, STANDARD, true);
    }

    /** The {@code development} suite over the built-in registry: the training and development splits only. */
    public static DatasetSuite development(DatasetRegistry registry) {
        return new DatasetSuite("development", "the development and training splits, to decide changes on "
                + "(never a test split)", registry, DEVELOPMENT, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    public List<String> selectors() {
        return selectors;
    }

    @Override
    public boolean evaluationPage() {
        return evaluationPage;
    }

    @Override
    public SuiteResult run(Context context) {
        DatasetLoader loader = new DatasetLoader(DatasetLoader.requireDataRoot(context.dataRoot()));
        Evaluator evaluator = new Evaluator(context.progress());
        List<RunResult> runs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String s : selectors) {
            Selector selector = Selector.parse(s, registry);
            DatasetSpec spec = registry.get(selector.name());
            LoadedDataset data;
            try {
                data = loader.load(spec, selector, context.limit());
            } catch (DatasetException e) {
                skipped.add(s + ": " + e.getMessage());
                continue;
            }
            runs.add(evaluator.run(context.filter(), data, Target.resolve(selector.targetOr(spec.target())),
                    context.threshold(),
                    new Evaluator.DatasetInfo(spec.title(), spec.reference(), spec.notes())));
        }
        return new SuiteResult(name, runs, skipped);
    }
}
