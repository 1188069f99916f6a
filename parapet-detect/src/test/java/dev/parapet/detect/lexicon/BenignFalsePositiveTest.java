package dev.parapet.detect.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.MappedText;
import dev.parapet.core.text.Payload;
import dev.parapet.core.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shipped lexicons over benign prompts (shared data, skipped when absent) and reports how many
 * texts get a hate, sexual or self-harm finding, with the terms responsible, so that ambiguous terms
 * can be pruned. Hate and sexual findings must stay at or under 1% of texts.
 */
class BenignFalsePositiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HARMFUL = Set.of("hate", "sexual_content", "suicide_self_harm");
    private static final Set<String> STRICT = Set.of("hate", "sexual_content");
    /** Sentences read per language and source: enough to find ambiguous terms, quick to run. */
    private static final int PER_LANGUAGE = 600;

    @Test
    void wildGuardMixBenignPrompts() throws IOException {
        Path file = SharedData.require("data/safety/wildguardmix-benign/wildguard.json");
        List<String> texts = new ArrayList<>();
        for (JsonNode n : JSON.readTree(file.toFile())) {
            texts.add(n.path("prompt").asText());
        }
        measure("wildguardmix-benign", texts);
    }

    @Test
    void gpTeacherPrompts() throws IOException {
        Path file = SharedData.require("data/train-extra/gpteacher-prompts/gpteacher_prompts.jsonl");
        List<String> texts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    texts.add(JSON.readTree(line).path("text").asText());
                }
            }
        }
        measure("gpteacher-prompts", texts);
    }

    @Test
    void everydaySentencesAndQuestionsInManyLanguages() throws IOException {
        Map<String, List<String>> byLanguage = new java.util.TreeMap<>();
        for (String relative : List.of("data/train-extra/ud-sentences/ud_sentences.jsonl",
                "data/train-extra/xquad-questions/xquad_questions.jsonl")) {
            Path file = SharedData.require(relative);
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        JsonNode n = JSON.readTree(line);
                        List<String> texts = byLanguage.computeIfAbsent(n.path("lang").asText(), k -> new ArrayList<>());
                        if (texts.size() < PER_LANGUAGE) {
                            texts.add(n.path("text").asText());
                        }
                    }
                }
            }
        }
        List<String> all = new ArrayList<>();
        byLanguage.forEach((lang, texts) -> {
            all.addAll(texts);
            Rates r = rates(texts, null);
            System.out.printf("  benign sentences %-3s %5d texts: any %.2f%%, hate/sexual %.2f%%%n", lang, texts.size(),
                    100.0 * r.any / texts.size(), 100.0 * r.strict / texts.size());
        });
        measure("ud-sentences + xquad-questions, " + byLanguage.size() + " languages", all);
    }

    /** Counts of texts with any finding, a harmful one, and a hate or sexual one. */
    private record Rates(int any, int harmful, int strict) {
    }

    private static Rates rates(List<String> texts, Map<String, Integer> terms) {
        TextNormalizer normalizer = SuiteNormalizer.get();
        LexiconMatcher matcher = matcher();
        int harmful = 0;
        int strict = 0;
        int any = 0;
        for (String text : texts) {
            AnalyzedText analyzed = normalizer.analyze(text);
            Set<String> categories = new HashSet<>();
            Set<String> seen = new HashSet<>();
            List<MappedText> views = new ArrayList<>();
            views.add(analyzed.normalized());
            analyzed.payloads().stream().map(Payload::text).forEach(views::add);
            for (int v = 0; v < views.size(); v++) {
                for (LexiconMatcher.Hit hit : matcher.find(views.get(v), v == 0 ? text : null, Deadline.none())) {
                    categories.add(hit.term().category());
                    if (terms != null && seen.add(hit.term().toString())) {
                        terms.merge(hit.term().category() + " " + hit.term() + " (" + hit.term().language() + ")", 1,
                                Integer::sum);
                    }
                }
            }
            any += categories.isEmpty() ? 0 : 1;
            harmful += categories.stream().anyMatch(HARMFUL::contains) ? 1 : 0;
            strict += categories.stream().anyMatch(STRICT::contains) ? 1 : 0;
        }
        return new Rates(any, harmful, strict);
    }

    private static LexiconMatcher matcher;

    private static synchronized LexiconMatcher matcher() {
        if (matcher == null) {
            matcher = new LexiconMatcher(LexiconLoader.shipped(), SuiteNormalizer.get());
        }
        return matcher;
    }

    private static void measure(String name, List<String> texts) {
        Map<String, Integer> terms = new HashMap<>();
        Rates r = rates(texts, terms);
        int any = r.any;
        int harmful = r.harmful;
        int strict = r.strict;
        double strictRate = (double) strict / texts.size();
        StringBuilder report = new StringBuilder(String.format(
                "benign %s (%d texts, %s): any finding %.2f%%, hate/sexual/self-harm %.2f%%, hate/sexual %.2f%%%n",
                name, texts.size(), SuiteNormalizer.name(), 100.0 * any / texts.size(),
                100.0 * harmful / texts.size(), 100.0 * strictRate));
        terms.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> report.append(String.format("  %4d  %s%n", e.getValue(), e.getKey())));
        System.out.print(report);
        assertThat(strictRate).as("share of benign texts with a hate or sexual finding").isLessThanOrEqualTo(0.01);
    }
}
