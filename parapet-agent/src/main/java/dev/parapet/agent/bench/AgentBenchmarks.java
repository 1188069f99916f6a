package dev.parapet.agent.bench;

import dev.parapet.agent.AgentGuard;
import dev.parapet.agent.policy.ToolPolicy;
import dev.parapet.agent.policy.ToolPolicyLoader;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.text.UnicodeNormalizer;
import dev.parapet.detect.injection.InjectionDetector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the agent benchmarks that need no model: InjecAgent and the AgentDojo suites, with simulated
 * compromised and faithful agents, each against the guard under the suite's example tool policy.
 */
public final class AgentBenchmarks {

    /** The AgentDojo suites, each with a policy {@code agentdojo-<suite>.yaml} and scenarios. */
    public static final List<String> DOJO_SUITES = List.of("workspace", "slack", "banking", "travel");

    /** Score at which an injection detector flags a text in the BIPIA benchmark: the default policy's threshold. */
    static final double FLAG_AT = 0.5;

    private AgentBenchmarks() {
    }

    /**
     * Runs every benchmark whose data is under {@code sharedRoot} (the folder holding {@code data/agentic}).
     *
     * @throws IllegalArgumentException when neither benchmark's data is there
     */
    public static List<BenchmarkResult> run(Path sharedRoot) {
        return run(sharedRoot, List.of());
    }

    /**
     * As {@link #run(Path)}, and BIPIA's indirect injections in contexts when its data is there: read by the rule
     * injection detector, and by the rule detector together with {@code classifiers} when some are given (e.g. the
     * shipped injection classifier, which this module does not depend on).
     */
    public static List<BenchmarkResult> run(Path sharedRoot, List<Detector> classifiers) {
        Path agentic = sharedRoot.resolve("data").resolve("agentic");
        Path injec = agentic.resolve("injecagent");
        Path dojo = agentic.resolve("agentdojo");
        boolean hasInjec = Files.isRegularFile(injec.resolve("tools.json"));
        boolean hasDojo = Files.isRegularFile(dojo.resolve("agentdojo_tasks_extracted.json"));
        Path bipia = bipiaFolder(sharedRoot);
        boolean hasBipia = Files.isRegularFile(bipia.resolve("text_attack_test.json"));
        if (!hasInjec && !hasDojo) {
            throw new IllegalArgumentException("no agent benchmark data under " + agentic
                    + " (expected injecagent/ and agentdojo/)");
        }
        List<BenchmarkResult> out = new ArrayList<>();
        if (hasInjec) {
            out.addAll(new InjecAgentBenchmark(AgentGuard.of(policy("injecagent")), injec).run());
        }
        if (hasDojo) {
            for (String suite : DOJO_SUITES) {
                out.add(new AgentDojoBenchmark(AgentGuard.of(policy("agentdojo-" + suite)), dojo,
                        DojoScenarios.shipped(suite)).run());
            }
        }
        if (hasBipia) {
            TextNormalizer n = new UnicodeNormalizer();
            out.addAll(bipia(bipia, IndirectInjectionBenchmark.Split.TEST, n, InjectionDetector.defaults(n),
                    classifiers));
        }
        return out;
    }

    /**
     * Where changes to the injection detectors are decided, so that {@link #run(Path, List)}'s BIPIA figures are
     * measured once, after the decision: BIPIA's injections hidden in its <b>train</b> contexts (the rule detector
     * alone, and with {@code classifiers} when some are given), then the project's own attacks in new phrasings
     * ({@code new-phrasings.tsv}) in the same contexts, and ordinary documents in many languages ({@link
     * BenignDocumentsBenchmark}), rule detector alone. The shipped injection classifier trains on BIPIA's train
     * attacks and contexts, so its figures here run high; the rules were developed on them, which is what the new
     * phrasings check. InjecAgent and AgentDojo have no development split.
     */
    public static List<BenchmarkResult> development(Path sharedRoot, List<Detector> classifiers) {
        Path bipia = bipiaFolder(sharedRoot);
        if (!Files.isRegularFile(bipia.resolve("text_attack_train.json"))) {
            throw new IllegalArgumentException("no BIPIA train files under " + bipia);
        }
        Path ud = sharedRoot.resolve("data").resolve("train-extra").resolve("ud-sentences")
                .resolve("ud_sentences.jsonl");
        if (!Files.isRegularFile(ud)) {
            throw new IllegalArgumentException("no Universal Dependencies sentences at " + ud);
        }
        TextNormalizer n = new UnicodeNormalizer();
        Detector rules = InjectionDetector.defaults(n);
        List<BenchmarkResult> out = new ArrayList<>(bipia(bipia, IndirectInjectionBenchmark.Split.TRAIN, n, rules,
                classifiers));
        out.add(IndirectInjectionBenchmark.withAttacks(bipia, IndirectInjectionBenchmark.Split.TRAIN, newPhrasings(),
                List.of(rules), n, FLAG_AT).run());
        out.add(new BenignDocumentsBenchmark(ud, new ToolOutputCheck(List.of(rules), n, FLAG_AT)).run());
        return out;
    }

    /** The attacks of the shipped {@code new-phrasings.tsv} (family, tab, attack; "#" starts a comment line). */
    static List<String> newPhrasings() {
        String resource = "new-phrasings.tsv";
        try (InputStream in = AgentBenchmarks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (!line.isBlank() && !line.startsWith("#") && tab > 0) {
                    out.add(line.substring(tab + 1).strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }

    /** BIPIA's {@code benchmark} folder under the folder that holds the data folder. */
    private static Path bipiaFolder(Path sharedRoot) {
        return sharedRoot.resolve("data").resolve("injection").resolve("bipia").resolve("benchmark");
    }

    /** BIPIA's split read by the rule detector, and by it with {@code classifiers} when some are given. */
    private static List<BenchmarkResult> bipia(Path bipia, IndirectInjectionBenchmark.Split split, TextNormalizer n,
                                               Detector rules, List<Detector> classifiers) {
        List<BenchmarkResult> out = new ArrayList<>();
        out.add(new IndirectInjectionBenchmark(bipia, split, List.of(rules), n, FLAG_AT).run());
        if (!classifiers.isEmpty()) {
            List<Detector> both = new ArrayList<>(List.of(rules));
            both.addAll(classifiers);
            out.add(new IndirectInjectionBenchmark(bipia, split, both, n, FLAG_AT).run());
        }
        return out;
    }

    /** A shipped example policy by name (e.g. {@code agentdojo-banking}). */
    public static ToolPolicy policy(String name) {
        String resource = "policies/" + name + ".yaml";
        InputStream in = AgentBenchmarks.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("missing policy resource " + resource));
        }
        return ToolPolicyLoader.load("examples/tool-policies/" + name + ".yaml", in);
    }

    /** One line for people: the two figures and the counts behind them. */
    public static String describe(BenchmarkResult r) {
        if (r.attackerCalls() == 0 && r.attacks() == 0) { // documents with nothing planted in them
            return String.format(Locale.ROOT, "%-10s %-24s documents flagged %5.1f%% (%d/%d)", r.benchmark(),
                    r.setting(), 100 * r.utilityLoss(), r.userBlocked(), r.userCalls());
        }
        if (r.benchmark().equals("bipia")) {
            return String.format(Locale.ROOT, "%-10s %-24s injections missed %5.1f%% (%d/%d injected contexts)   "
                            + "clean contexts flagged %5.1f%% (%d/%d)", r.benchmark(), r.setting(),
                    100 * r.attackSuccess(), r.attackerAllowed(), r.attackerCalls(), 100 * r.utilityLoss(),
                    r.userBlocked(), r.userCalls());
        }
        return String.format(Locale.ROOT,
                "%-10s %-24s attack success %5.1f%% (%d/%d calls, %d need approval; cases %d/%d)   "
                        + "utility loss %5.1f%% (%d/%d calls; clean %d/%d)",
                r.benchmark(), r.setting(), 100 * r.attackSuccess(), r.attackerAllowed(), r.attackerCalls(),
                r.attackerNeedApproval(), r.attacksSucceeded(), r.attacks(), 100 * r.utilityLoss(), r.userBlocked(),
                r.userCalls(), r.cleanUserBlocked(), r.cleanUserCalls());
    }
}
