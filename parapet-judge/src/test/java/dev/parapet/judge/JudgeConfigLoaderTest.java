package dev.parapet.judge;

import dev.parapet.core.yaml.YamlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgeConfigLoaderTest {

    private final JudgeConfigLoader loader = new JudgeConfigLoader();

    @TempDir
    Path dir;

    @Test
    void readsEveryOption(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("policy.md"), "Also flag recruitment for extremist groups as hate.\n");
        Path file = tmp.resolve("judges.yaml");
        Files.writeString(file, """
                judges:
                  - id: llama-guard
                    family: llama-guard-3
                    api: ollama
                    base_url: http://localhost:11434
                    model: llama-guard3:8b
                    timeout: 1500ms
                    connect_timeout: 1s
                    retries: 2
                    backoff: 50ms
                    max_concurrent: 8
                    cache: {size: 500, ttl: 2m}
                    circuit_breaker: {failures: 3, open_for: 10s}
                    band: {low: 0.2, high: 0.9}
                  - id: shield
                    family: shieldgemma
                    base_url: http://gpu-box:8000/
                    model: google/shieldgemma-9b
                    policies: [hate_speech, harassment]
                  - id: oss
                    family: gpt-oss-safeguard
                    base_url: https://guard.internal
                    model: openai/gpt-oss-safeguard-20b
                    categories: [hate, violent_crimes]
                    policy_file: policy.md
                    max_tokens: 4096
                  - id: qwen
                    family: qwen3guard
                    base_url: http://localhost:8001
                    model: Qwen/Qwen3Guard-Gen-4B
                    controversial_score: 0.7
                """);
        List<JudgeConfig> judges = loader.load(file);
        assertThat(judges).extracting(JudgeConfig::id).containsExactly("llama-guard", "shield", "oss", "qwen");
        JudgeConfig lg = judges.get(0);
        assertThat(lg.family()).isEqualTo(GuardFamily.LLAMA_GUARD_3);
        assertThat(lg.api()).isEqualTo(ApiStyle.OLLAMA);
        assertThat(lg.baseUrl()).isEqualTo(URI.create("http://localhost:11434"));
        assertThat(lg.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(lg.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(lg.retries()).isEqualTo(2);
        assertThat(lg.backoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(lg.maxConcurrent()).isEqualTo(8);
        assertThat(lg.cacheSize()).isEqualTo(500);
        assertThat(lg.cacheTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(lg.breakerFailures()).isEqualTo(3);
        assertThat(lg.breakerOpenFor()).isEqualTo(Duration.ofSeconds(10));
        assertThat(lg.band()).isEqualTo(new Band(0.2, 0.9));
        assertThat(judges.get(1).api()).isEqualTo(ApiStyle.OPENAI);
        assertThat(judges.get(1).policies()).containsExactly("hate_speech", "harassment");
        assertThat(judges.get(2).ownPolicy()).hasValueSatisfying(p -> assertThat(p).contains("extremist"));
        assertThat(judges.get(2).maxTokens()).isEqualTo(4096);
        assertThat(judges.get(2).categories()).containsExactly("hate", "violent_crimes");
        assertThat(judges.get(3).controversialScore()).isEqualTo(0.7);
        // every configuration builds a detector
        assertThat(judges).allSatisfy(j -> assertThat(Judges.detector(j).id()).isEqualTo(j.id()));
        assertThat(Judges.detector(judges.get(2)).categories()).containsExactlyInAnyOrder("hate", "violent_crimes");
    }

    @Test
    void theShippedExampleLoadsAndBuilds() {
        Path example = Path.of("examples", "judges.yaml");
        List<JudgeConfig> judges = loader.load(example);
        assertThat(judges).extracting(j -> j.family().wireName()).containsExactly("llama-guard-3", "shieldgemma",
                "granite-guardian", "wildguard", "qwen3guard", "gpt-oss-safeguard");
        assertThat(judges.get(5).ownPolicy()).hasValueSatisfying(p -> assertThat(p).contains("gambling"));
        assertThat(Judges.detector(judges.get(3)).categories())
                .containsExactlyInAnyOrder("violent_crimes", "non_violent_crimes", "hate");
    }

    private YamlException error(String yaml) {
        try {
            loader.load("judges.yaml", yaml, dir);
        } catch (YamlException e) {
            return e;
        }
        throw new AssertionError("expected an error for:\n" + yaml);
    }

    private static String judge(String extra) {
        return "judges:\n  - id: j\n    family: llama-guard-3\n    base_url: http://localhost:8000\n    model: m\n" + extra;
    }

    @Test
    void errorsNameFileLineAndReason() {
        YamlException unknownKey = error(judge("    temperature: 0.7\n"));
        assertThat(unknownKey.getMessage()).startsWith("judges.yaml:6:").contains("unknown key 'temperature'");

        YamlException family = error("judges:\n  - id: j\n    family: llama-guard-9\n    base_url: http://x\n    model: m\n");
        assertThat(family.line()).isEqualTo(3);
        assertThat(family.getMessage()).contains("unknown guard model family 'llama-guard-9'", "qwen3guard");

        YamlException url = error("judges:\n  - id: j\n    family: wildguard\n    base_url: localhost:8000\n    model: m\n");
        assertThat(url.line()).isEqualTo(4);
        assertThat(url.reason()).contains("http or https URL");

        assertThat(error(judge("    api: grpc\n")).reason()).contains("expected openai or ollama");
        assertThat(error(judge("    band: {low: 0.9, high: 0.2}\n")).reason()).contains("0 <= low <= high <= 1");
        assertThat(error(judge("    timeout: 5 seconds\n")).reason()).contains("unknown duration unit ' seconds'");
        assertThat(error(judge("    timeout: 0s\n")).reason()).contains("must be positive");
        assertThat(error(judge("    retries: 50\n")).reason()).contains("from 0 to 10");
        assertThat(error(judge("    policies: [hate_speech]\n")).reason())
                .contains("'policies' applies to shieldgemma and granite-guardian");
        assertThat(error(judge("    categories: [hate, cooking]\n")).reason()).contains("unknown canonical category 'cooking'");
        assertThat(error(judge("    policy_file: p.md\n")).reason()).contains("applies to gpt-oss-safeguard");
        assertThat(error(judge("    controversial_score: 0.5\n")).reason()).contains("applies to qwen3guard");
        assertThat(error(judge("    cache: {size: 10, ttl: 1m, shards: 4}\n")).reason()).contains("unknown key 'shards'");
        assertThat(error("judges: []\n").reason()).contains("lists no judge");
        assertThat(error("judge:\n  - id: j\n").reason()).contains("unknown key 'judge'");
    }

    @Test
    void familySpecificErrors() {
        String sg = "judges:\n  - id: s\n    family: shieldgemma\n    base_url: http://x\n    model: m\n";
        YamlException unknown = error(sg + "    policies: [hate_speech, violence]\n");
        assertThat(unknown.line()).isEqualTo(6);
        assertThat(unknown.reason()).contains("unknown shieldgemma policy 'violence'", "dangerous_content");
        assertThat(error(sg + "    policies: [hate_speech, hate_speech]\n").reason()).contains("listed twice");

        String oss = "judges:\n  - id: o\n    family: gpt-oss-safeguard\n    base_url: http://x\n    model: m\n";
        YamlException missing = error(oss + "    policy_file: nowhere.md\n");
        assertThat(missing.line()).isEqualTo(6);
        assertThat(missing.reason()).contains("policy_file 'nowhere.md' does not exist");

        YamlException nothing = error("judges:\n  - id: g\n    family: granite-guardian\n    base_url: http://x\n"
                + "    model: m\n    policies: [profanity]\n    categories: [hate]\n");
        assertThat(nothing.line()).isEqualTo(7);
        assertThat(nothing.reason()).contains("would report nothing", "covers profanity");

        String two = "judges:\n  - {id: a, family: wildguard, base_url: 'http://x', model: m}\n"
                + "  - {id: a, family: wildguard, base_url: 'http://y', model: m}\n";
        YamlException dup = error(two);
        assertThat(dup.line()).isEqualTo(3);
        assertThat(dup.reason()).contains("duplicate judge id 'a'");
    }

    @Test
    void hostileInputEndsQuicklyWithAnError() {
        String longValue = "a".repeat(100_000);
        assertThat(error(judge("    timeout: " + "9".repeat(100_000) + "s\n")).reason()).contains("expected a duration");
        assertThat(error("judges:\n  - id: j\n    family: " + longValue + "\n    base_url: http://x\n    model: m\n").reason())
                .contains("unknown guard model family");
    }
}
