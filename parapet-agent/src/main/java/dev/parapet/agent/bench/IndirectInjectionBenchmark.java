package dev.parapet.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.text.TextNormalizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BIPIA's indirect injections as an agent meets them: each attack of one official split's files (the <b>test</b>
 * files for the figures, the <b>train</b> files to decide changes on) hidden in that split's contexts (text
 * attacks in e-mails and tables, code attacks in code answers), at the start, in the middle and at the end, as
 * BIPIA's harness places them; and the split's clean contexts. Each text is read as a tool
 * output by the given injection detectors; it is flagged when one of them scores {@code prompt_injection} or
 * {@code jailbreak} at the threshold or above. Reported in the agent benchmarks' shape: attack success = injected
 * contexts not flagged / injected contexts (1 - recall); utility loss = clean contexts flagged / clean contexts.
 * {@link #withAttacks} hides other attacks (the project's new phrasings) in the split's e-mails and tables instead.
 */
public final class IndirectInjectionBenchmark {

    /** BIPIA's official splits. */
    public enum Split {
        /** The attacks and contexts that the shipped injection classifier trains on: for deciding changes. */
        TRAIN("train"),
        /** The figures. */
        TEST("test");

        private final String file;

        Split(String file) {
            this.file = file;
        }
    }

    /** Contexts each attack is hidden in, each at three places. */
    static final int CONTEXTS_PER_ATTACK = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path bipia;
    private final Split split;
    private final List<String> ownAttacks; // hidden in the prose contexts instead of BIPIA's attacks; null for those
    private final ToolOutputCheck check;

    /**
     * @param bipia      the BIPIA {@code benchmark} folder
     * @param split      whose attacks and contexts
     * @param detectors  the injection detectors (the text is flagged when any of them is)
     * @param normalizer prepares texts for the detectors
     * @param threshold  the score that flags (the default policy's is 0.5)
     */
    public IndirectInjectionBenchmark(Path bipia, Split split, List<Detector> detectors, TextNormalizer normalizer,
                                      double threshold) {
        this(bipia, split, null, detectors, normalizer, threshold);
    }

    private IndirectInjectionBenchmark(Path bipia, Split split, List<String> ownAttacks, List<Detector> detectors,
                                       TextNormalizer normalizer, double threshold) {
        this.bipia = bipia;
        this.split = split;
        this.ownAttacks = ownAttacks == null ? null : List.copyOf(ownAttacks);
        this.check = new ToolOutputCheck(detectors, normalizer, threshold);
    }

    /**
     * The same measure with {@code attacks} instead of BIPIA's, hidden in the split's e-mails and tables: new
     * phrasings that the rules were not written from, to see whether a change generalises.
     */
    public static IndirectInjectionBenchmark withAttacks(Path bipia, Split split, List<String> attacks,
                                                         List<Detector> detectors, TextNormalizer normalizer,
                                                         double threshold) {
        return new IndirectInjectionBenchmark(bipia, split, attacks, detectors, normalizer, threshold);
    }

    public BenchmarkResult run() {
        String f = split.file;
        List<String> prose = new ArrayList<>(contexts("email/" + f + ".jsonl"));
        prose.addAll(contexts("table/" + f + ".jsonl"));
        List<String> code = ownAttacks == null ? contexts("code/" + f + ".jsonl") : List.of();
        List<String> injected = new ArrayList<>();
        if (ownAttacks == null) {
            injected.addAll(hide(attacks("text_attack_" + f + ".json"), prose));
            injected.addAll(hide(attacks("code_attack_" + f + ".json"), code));
        } else {
            injected.addAll(hide(ownAttacks, prose));
        }
        List<String> clean = new ArrayList<>(prose);
        clean.addAll(code);
        int missed = 0;
        for (String t : injected) {
            missed += check.flagged(t) ? 0 : 1;
        }
        int falseAlarms = 0;
        for (String t : clean) {
            falseAlarms += check.flagged(t) ? 1 : 0;
        }
        String setting = (split == Split.TEST ? "" : f + " ") + "contexts, "
                + (ownAttacks == null ? "" : "new phrasings, ")
                + check.detectorIds();
        return new BenchmarkResult("bipia", setting, injected.size(), missed, 0, injected.size(), missed,
                clean.size(), falseAlarms, clean.size(), falseAlarms);
    }

    /** Each attack in {@link #CONTEXTS_PER_ATTACK} contexts (picked in a fixed stride), at the start, middle and end. */
    static List<String> hide(List<String> attacks, List<String> contexts) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < attacks.size(); i++) {
            for (int k = 0; k < CONTEXTS_PER_ATTACK; k++) {
                String context = contexts.get((i * 7 + k * 37) % contexts.size());
                for (int where = 0; where < 3; where++) {
                    out.add(insert(context, attacks.get(i), where));
                }
            }
        }
        return out;
    }

    /** {@code attack} as its own line at the start (0), at a line or word break near the middle (1), or at the end (2). */
    static String insert(String context, String attack, int where) {
        if (where == 0) {
            return attack + "\n" + context;
        }
        if (where == 2) {
            return context + "\n" + attack;
        }
        int mid = context.length() / 2;
        int at = context.indexOf('\n', mid);
        if (at < 0) {
            at = context.indexOf(' ', mid);
        }
        if (at < 0) {
            at = mid;
        }
        return context.substring(0, at) + "\n" + attack + "\n" + context.substring(at);
    }

    private List<String> attacks(String file) {
        try {
            JsonNode groups = JSON.readTree(bipia.resolve(file).toFile());
            List<String> out = new ArrayList<>();
            groups.properties().forEach(g -> g.getValue().forEach(a -> out.add(a.asText())));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(bipia.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    /** The {@code context} of each row; code contexts are lists of lines, joined. */
    private List<String> contexts(String file) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(bipia.resolve(file), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode c = JSON.readTree(line).path("context");
                if (c.isArray()) {
                    List<String> lines = new ArrayList<>();
                    c.forEach(l -> lines.add(l.asText()));
                    out.add(String.join("\n", lines));
                } else {
                    out.add(c.asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(bipia.resolve(file) + ": " + e.getMessage(), e);
        }
        return out;
    }
}
