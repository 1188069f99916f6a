package dev.parapet.detect.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.content.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures the injection detector on the shared evaluation sets (test splits only; nothing here tunes
 * anything) and prints the figures. Skips when the data is absent.
 */
class InjectionBenchmarksTest {

    private static final double THRESHOLD = 0.5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path data() {
        return Path.of(System.getProperty("parapet.shared", "../../shared")).resolve("data");
    }

    private static boolean flagged(String text, Role role) {
        return InjectionDetectorTest.score(text, role, "prompt_injection") >= THRESHOLD
                || InjectionDetectorTest.score(text, role, "jailbreak") >= THRESHOLD;
    }

    private static List<JsonNode> jsonl(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void deepsetTestSplit() throws IOException {
        Path file = data().resolve("injection/deepset-prompt-injections/test.jsonl");
        assumeTrue(Files.isRegularFile(file), "deepset data not found: " + file);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (JsonNode r : jsonl(file)) {
            boolean y = r.path("label").asInt() == 1;
            boolean p = flagged(r.path("text").asText(), Role.USER);
            if (y && p) tp++; else if (y) fn++; else if (p) fp++; else tn++;
        }
        double precision = tp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.printf(Locale.ROOT, "deepset test: precision %.3f recall %.3f F1 %.3f; benign false positives %d/%d%n",
                precision, recall, f1, fp, fp + tn);
        assertThat(precision).isGreaterThan(0.5);
    }

    @Test
    void cyberSecEvalPromptInjection() throws IOException {
        Path dir = data().resolve("multilingual/purplellama-cyberseceval/prompt_injection");
        assumeTrue(Files.isDirectory(dir), "CyberSecEval data not found: " + dir);
        for (String name : List.of("prompt_injection.json", "prompt_injection_multilingual_machine_translated.json")) {
            int hit = 0, withSystem = 0, n = 0;
            for (JsonNode r : JSON.readTree(dir.resolve(name).toFile())) {
                Role role = r.path("injection_type").asText().equals("indirect") ? Role.TOOL : Role.USER;
                String input = r.path("user_input").asText();
                n++;
                boolean alone = flagged(input, role);
                if (alone) hit++;
                if (alone || InjectionDetectorTest.detectWith(r.path("test_case_prompt").asText(), input).stream()
                        .anyMatch(f -> f.score() >= THRESHOLD)) withSystem++;
            }
            System.out.printf(Locale.ROOT, "CyberSecEval %s: recall %.3f (%d/%d); as a user's message against its "
                    + "system prompt %.3f (%d/%d)%n", name, (double) hit / n, hit, n, (double) withSystem / n, withSystem, n);
            assertThat(hit).isPositive();
            assertThat(withSystem).isGreaterThan(hit);
        }
    }

    @Test
    void bipiaTestAttacksInContexts() throws IOException {
        Path dir = data().resolve("injection/bipia/benchmark");
        assumeTrue(Files.isDirectory(dir), "BIPIA data not found: " + dir);
        List<String> contexts = new ArrayList<>();
        for (String task : List.of("email", "table", "code")) {
            for (JsonNode r : jsonl(dir.resolve(task).resolve("test.jsonl"))) {
                contexts.add(r.path("context").asText());
            }
        }
        List<String> attacks = new ArrayList<>();
        for (String f : List.of("text_attack_test.json", "code_attack_test.json")) {
            JSON.readTree(dir.resolve(f).toFile()).forEach(list -> list.forEach(a -> attacks.add(a.asText())));
        }
        int fp = 0;
        for (String c : contexts) {
            if (flagged(c, Role.TOOL)) fp++;
        }
        int hit = 0, n = 0;
        for (int i = 0; i < attacks.size(); i++) {
            String c = contexts.get(i % contexts.size());
            n++;
            if (flagged(c + "\n" + attacks.get(i), Role.TOOL)) hit++;
        }
        System.out.printf(Locale.ROOT, "BIPIA test: recall %.3f (%d/%d attacks appended to contexts); "
                + "clean contexts flagged %.3f (%d/%d)%n", (double) hit / n, hit, n, (double) fp / contexts.size(), fp,
                contexts.size());
        assertThat(hit).isPositive();
    }

    @Test
    void benignPromptsThatMentionTriggerWords() throws IOException {
        Path frr = data().resolve("multilingual/purplellama-cyberseceval/mitre_frr/mitre_frr.json");
        Path wild = data().resolve("safety/wildguardmix-benign/wildguard.json");
        Path deepset = data().resolve("injection/deepset-prompt-injections/test.jsonl");
        assumeTrue(Files.isRegularFile(frr) && Files.isRegularFile(wild) && Files.isRegularFile(deepset),
                "benign sets not found under " + data());
        List<String> texts = new ArrayList<>();
        JSON.readTree(frr.toFile()).forEach(r -> texts.add(r.path("mutated_prompt").asText()));
        int frrN = texts.size();
        JSON.readTree(wild.toFile()).forEach(r -> texts.add(r.path("prompt").asText()));
        int wildN = texts.size() - frrN;
        for (JsonNode r : jsonl(deepset)) {
            if (r.path("label").asInt() == 0) texts.add(r.path("text").asText());
        }
        int[] fp = new int[3];
        for (int i = 0; i < texts.size(); i++) {
            if (flagged(texts.get(i), Role.USER)) fp[i < frrN ? 0 : i < frrN + wildN ? 1 : 2]++;
        }
        int deepN = texts.size() - frrN - wildN;
        System.out.printf(Locale.ROOT, "benign false positives: CyberSecEval FRR %d/%d, WildGuardMix %d/%d, deepset 0 %d/%d"
                + " (%.3f overall)%n", fp[0], frrN, fp[1], wildN, fp[2], deepN, (fp[0] + fp[1] + fp[2]) / (double) texts.size());
        assertThat((fp[0] + fp[1] + fp[2]) / (double) texts.size()).isLessThan(0.05);
    }
}
