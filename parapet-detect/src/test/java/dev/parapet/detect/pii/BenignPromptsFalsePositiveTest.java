package dev.parapet.detect.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.AnalyzedText;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures how often the PII and secrets detectors fire on benign prompts (WildGuardMix benign,
 * GPTeacher requests, Natural Questions) from the shared data, and prints the rate with the first
 * offending snippets so they can be inspected and reported.
 */
class BenignPromptsFalsePositiveTest {

    private static final double MAX_RATE = 0.005;
    private static final int SHOWN = 25;

    @Test
    void firesOnAtMostHalfAPercentOfBenignPrompts() throws Exception {
        Path shared = Path.of(System.getProperty("parapet.shared", "../shared"), "data");
        Path wildguard = shared.resolve("safety/wildguardmix-benign/wildguard.json");
        Path gpteacher = shared.resolve("train-extra/gpteacher-prompts/gpteacher_prompts.jsonl");
        Path nq = shared.resolve("train-extra/nq-open-questions/nq_open_questions.jsonl");
        assumeTrue(Files.isRegularFile(wildguard) && Files.isRegularFile(gpteacher) && Files.isRegularFile(nq),
                "shared benign prompt data not found under " + shared + "; skipping the false-positive measurement");

        List<String> prompts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (JsonNode item : json.readTree(wildguard.toFile())) {
            prompts.add(item.path("prompt").asText());
        }
        readJsonLines(json, gpteacher, prompts);
        readJsonLines(json, nq, prompts);

        List<Detector> detectors = List.of(new PiiDetector(), new SecretsDetector());
        int flagged = 0;
        Map<String, Integer> byLabel = new TreeMap<>();
        List<String> shown = new ArrayList<>();
        for (String prompt : prompts) {
            List<Finding> findings = new ArrayList<>();
            AnalyzedText text = DetectorAssertions.NORMALIZER.analyze(prompt);
            for (Detector detector : detectors) {
                findings.addAll(detector.detect(Content.user(prompt), text, Deadline.none()));
            }
            if (findings.isEmpty()) {
                continue;
            }
            flagged++;
            for (Finding f : findings) {
                byLabel.merge(f.label(), 1, Integer::sum);
                if (shown.size() < SHOWN) {
                    shown.add(f.label() + " " + f.score() + ": ..." + around(prompt, f) + "...");
                }
            }
        }
        double rate = (double) flagged / prompts.size();
        System.out.printf("PII+secrets on benign prompts: %d of %d flagged (%.3f%%), findings by label %s%n",
                flagged, prompts.size(), 100 * rate, byLabel);
        shown.forEach(s -> System.out.println("  " + s));
        assertThat(rate).isLessThanOrEqualTo(MAX_RATE);
    }

    private static void readJsonLines(ObjectMapper json, Path file, List<String> into) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    into.add(json.readTree(line).path("text").asText());
                }
            }
        }
    }

    private static String around(String text, Finding f) {
        int start = f.span().orElseThrow().start();
        int end = f.span().orElseThrow().end();
        return text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 40)).replace('\n', ' ');
    }
}
