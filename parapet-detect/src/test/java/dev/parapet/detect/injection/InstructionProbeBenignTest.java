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
 * check flag? Prints the share per system prompt and holds each under 1%. Skips when the shared data is absent.
 */
class InstructionProbeBenignTest {

    private static final double MAX_SHARE = 0.01;

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
        InstructionProbeScanner scanner = InstructionProbeScanner.shipped(UnrelatedTaskScanner.shipped().contentWords());
        List<String> systems;
        try (InputStream in = getClass().getResourceAsStream("/instructions/common-system-prompts.txt")) {
            systems = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        for (String system : systems) {
            long flagged = prompts.stream().filter(p -> !scanner.find(system, p, Deadline.none()).isEmpty()).count();
            double share = (double) flagged / prompts.size();
            System.out.printf(Locale.ROOT, "%.2f%% (%d/%d) flagged under: %s%n", 100 * share, flagged, prompts.size(), system);
            assertThat(share).as(system).isLessThanOrEqualTo(MAX_SHARE);
        }
    }
}
