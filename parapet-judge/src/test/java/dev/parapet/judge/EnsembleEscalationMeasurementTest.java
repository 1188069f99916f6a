package dev.parapet.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.text.UnicodeNormalizer;
import dev.parapet.detect.RuleDetectors;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static dev.parapet.judge.GuardServer.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures, on the ToxicChat test prompts from the shared data, how many contents the ensemble escalates to the
 * guard when the shipped rule detectors are its cheap stage, and the end-to-end time per check with a guard that
 * answers after a stated delay. Prints the figures; asserts only that every check was counted (timings are never
 * asserted). Skips when the shared data is absent.
 */
class EnsembleEscalationMeasurementTest {

    private static final long GUARD_DELAY_MS = 20;

    @Test
    void escalationShareAndLatencyOnToxicChat() throws Exception {
        String shared = System.getProperty("parapet.shared", "../shared");
        Path file = Path.of(shared, "data", "safety", "toxicchat-judgebench", "toxic_chat_test.json");
        assumeTrue(Files.isRegularFile(file), "shared data absent (" + file + "): measurement skipped");
        List<String> prompts = new ArrayList<>();
        List<Boolean> toxic = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(file.toFile()).path("instances")) {
            prompts.add(n.path("instance").asText());
            toxic.add(n.path("annotations").path("toxicity").path("majority_human").asText().equals("1"));
        }
        assumeTrue(!prompts.isEmpty(), "no prompts in " + file);

        try (GuardServer server = new GuardServer()) {
            server.delay(GUARD_DELAY_MS).answer(chat("safe"));
            // The guard speaks for the categories the shipped lexicons cover, so the band decides alone.
            JudgeConfig config = JudgeConfig.defaults("llama-guard", GuardFamily.LLAMA_GUARD_3, server.baseUrl(),
                    "llama-guard3", ApiStyle.OLLAMA).withCacheSize(0)
                    .withCategories(List.of("hate", "sexual_content", "suicide_self_harm"));
            UnicodeNormalizer normalizer = new UnicodeNormalizer();
            GuardDetector guard = Judges.detector(config);
            List<Detector> rules = RuleDetectors.defaults(normalizer);
            // warm-up (class loading, JIT, the HTTP client) on a separate ensemble, so the counts below are clean
            EnsembleDetector warmUp = new EnsembleDetector("warm-up", rules, guard, new Band(0.0, 1.0));
            for (int i = 0; i < Math.min(50, prompts.size()); i++) {
                warmUp.detect(Content.user(prompts.get(i)), normalizer.analyze(prompts.get(i)), Deadline.none());
            }
            EnsembleDetector ensemble = Judges.ensemble(config, guard, rules);
            assertThat(ensemble.uncovered()).isEmpty();

            long[] nanos = new long[prompts.size()];
            int escalatedToxic = 0;
            for (int i = 0; i < prompts.size(); i++) {
                long before = ensemble.stats().escalated();
                long t0 = System.nanoTime();
                Content content = Content.user(prompts.get(i));
                ensemble.detect(content, normalizer.analyze(content.text()), Deadline.after(Duration.ofSeconds(30)));
                nanos[i] = System.nanoTime() - t0;
                if (ensemble.stats().escalated() > before && toxic.get(i)) {
                    escalatedToxic++;
                }
            }
            EscalationStats stats = ensemble.stats();
            assertThat(stats.checks()).isEqualTo(prompts.size());
            long toxicCount = toxic.stream().filter(b -> b).count();
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "ensemble (normaliser + shipped rule detectors + Llama Guard dialect) on ToxicChat test (%d prompts, %d toxic), band [%.1f, %.1f), guard"
                            + " delay %d ms: escalated %d (%.1f%%; %d of them toxic); end-to-end p50 %.2f ms, p99 %.2f ms%n",
                    prompts.size(), toxicCount, config.band().low(), config.band().high(), GUARD_DELAY_MS,
                    stats.escalated(), 100 * stats.fraction(), escalatedToxic,
                    nanos[nanos.length / 2] / 1e6, nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1e6);
        }
    }
}
