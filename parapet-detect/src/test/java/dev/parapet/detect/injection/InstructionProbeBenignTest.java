package dev.parapet.detect.injection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.detect.Deadline;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ordinary prompts (NQ-Open questions and GPTeacher tasks, train-ok, 21,098) sent to assistants with common
 * restrictive system prompts (the project's {@code common-system-prompts.txt}): how many would the instruction
 * check flag? Prints the share per system prompt and holds each under 1%; and the same in fifteen languages.
 * Skips when the shared data is absent.
 */
class InstructionProbeBenignTest {

    private static final double MAX_SHARE = 0.01;
    private static final double MAX_SHARE_EVERYDAY = 0.03;

    private final InstructionProbeScanner scanner =
            InstructionProbeScanner.shipped(UnrelatedTaskScanner.shipped().contentWords());

    /** The non-blank lines of a test resource. */
    private List<String> lines(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @Test
    void commonSystemPromptsLeaveOrdinaryPromptsAlone() throws IOException {
        Path data = Path.of(System.getProperty("parapet.shared", "../../shared")).resolve("data/train-extra");
        List<Path> files = List.of(data.resolve("nq-open-questions/nq_open_questions.jsonl"),
                data.resolve("gpteacher-prompts/gpteacher_prompts.jsonl"));
        assumeTrue(files.stream().allMatch(Files::isRegularFile), "benign prompts not found under " + data);
        ObjectMapper json = new ObjectMapper();
        List<String> prompts = new ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                if (!line.isBlank()) {
                    prompts.add(json.readTree(line).path("text").asText());
                }
            }
        }
        for (String system : lines("/instructions/common-system-prompts.txt")) {
            long flagged = prompts.stream().filter(p -> !scanner.find(system, p, Deadline.none()).isEmpty()).count();
            double share = (double) flagged / prompts.size();
            System.out.printf(Locale.ROOT, "%.2f%% (%d/%d) flagged under: %s%n", 100 * share, flagged, prompts.size(), system);
            assertThat(share).as(system).isLessThanOrEqualTo(MAX_SHARE);
        }
    }

    /**
     * Everyday sentences (Universal Dependencies, train-ok) sent, in their language, to a bookshop's assistant told
     * in that language to keep a password and to stay off politics ({@code system-prompts-by-language.tsv}). Most
     * of what is flagged does talk about politics; held under 3% a language.
     */
    @Test
    void everydaySentencesInFifteenLanguagesAreMostlyLeftAlone() throws IOException {
        Path ud = Path.of(System.getProperty("parapet.shared", "../../shared"))
                .resolve("data/train-extra/ud-sentences/ud_sentences.jsonl");
        assumeTrue(Files.isRegularFile(ud), "UD sentences not found: " + ud);
        ObjectMapper json = new ObjectMapper();
        java.util.Map<String, List<String>> byLanguage = new java.util.HashMap<>();
        for (String line : Files.readAllLines(ud)) {
            if (!line.isBlank()) {
                var r = json.readTree(line);
                byLanguage.computeIfAbsent(r.path("lang").asText(), k -> new ArrayList<>()).add(r.path("text").asText());
            }
        }
        for (String row : lines("/instructions/system-prompts-by-language.tsv")) {
            String language = row.substring(0, row.indexOf('\t'));
            String system = row.substring(row.indexOf('\t') + 1);
            List<String> sentences = byLanguage.getOrDefault(language, List.of());
            long flagged = sentences.stream().filter(p -> !scanner.find(system, p, Deadline.none()).isEmpty()).count();
            double share = sentences.isEmpty() ? 0 : (double) flagged / sentences.size();
            System.out.printf(Locale.ROOT, "%s: %.2f%% (%d/%d) flagged%n", language, 100 * share, flagged, sentences.size());
            assertThat(share).as(language).isLessThanOrEqualTo(MAX_SHARE_EVERYDAY);
        }
    }
}
