package dev.parapet.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.finding.Finding;
import dev.parapet.judge.model.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.parapet.judge.GuardServer.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every family's prompt and answer format, against a real HTTP server on loopback. */
class GuardFamiliesTest {

    private GuardServer server;

    @BeforeEach
    void start() throws IOException {
        server = new GuardServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GuardDetector guard(GuardFamily family, ApiStyle api) {
        return Judges.detector(JudgeConfig.defaults("judge", family, server.baseUrl(), "guard-model", api)
                .withCacheSize(0).withTimeouts(Duration.ofSeconds(5), 0, Duration.ofMillis(10)));
    }

    private static List<Finding> check(GuardDetector guard, Exchange exchange) throws Exception {
        return guard.judge(exchange, Deadline.after(Duration.ofSeconds(10)));
    }

    private static List<String> categories(List<Finding> findings) {
        return findings.stream().map(Finding::category).toList();
    }

    private static List<JsonNode> messages(JsonNode request) {
        List<JsonNode> out = new java.util.ArrayList<>();
        request.path("messages").forEach(out::add);
        return out;
    }

    // ---- Llama Guard 3 and 4 ----

    @ParameterizedTest
    @EnumSource(ApiStyle.class)
    void llamaGuardSafeAndUnsafeWithCodes(ApiStyle api) throws Exception {
        GuardDetector guard = guard(GuardFamily.LLAMA_GUARD_3, api);
        server.answer(chat("safe"), chat("\n\nunsafe\nS1,S10"));

        assertThat(check(guard, Exchange.prompt("how do I bake bread"))).isEmpty();
        List<Finding> f = check(guard, Exchange.prompt("a hateful threat"));
        assertThat(categories(f)).containsExactly("violent_crimes", "hate");
        assertThat(f).allSatisfy(x -> {
            assertThat(x.score()).isEqualTo(1.0);
            assertThat(x.detector()).isEqualTo("judge");
            assertThat(x.evidence()).contains("unsafe S1,S10").doesNotContain("hateful");
        });
        assertThat(f.get(0).label()).isEqualTo("S1");
        assertThat(server.paths()).allMatch(p -> p.equals(api == ApiStyle.OPENAI ? "/v1/chat/completions" : "/api/chat"));
        JsonNode body = server.lastRequest();
        assertThat(body.path("model").asText()).isEqualTo("guard-model");
        assertThat(messages(body)).hasSize(1);
        assertThat(messages(body).get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages(body).get(0).path("content").asText()).isEqualTo("a hateful threat");
        if (api == ApiStyle.OPENAI) {
            assertThat(body.path("temperature").asInt()).isZero();
        } else {
            assertThat(body.path("options").path("temperature").asInt()).isZero();
            assertThat(body.path("stream").asBoolean()).isFalse();
        }
    }

    @Test
    void llamaGuardResponseCheckCarriesThePromptFromMetadata() throws Exception {
        GuardDetector guard = guard(GuardFamily.LLAMA_GUARD_4, ApiStyle.OPENAI);
        server.answer(chat("unsafe\nS2"));
        Content answer = new Content("Go to the zoo and steal one!", Role.ASSISTANT, Optional.empty(),
                Map.of(GuardDetector.PROMPT_METADATA, "How can I adopt my own llama?"));
        List<Finding> f = guard.detect(answer, null, Deadline.after(Duration.ofSeconds(5)));
        assertThat(categories(f)).containsExactly("non_violent_crimes");
        List<JsonNode> m = messages(server.lastRequest());
        assertThat(m).extracting(n -> n.path("role").asText()).containsExactly("user", "assistant");
        assertThat(m.get(0).path("content").asText()).isEqualTo("How can I adopt my own llama?");
        assertThat(m.get(1).path("content").asText()).isEqualTo("Go to the zoo and steal one!");
    }

    @Test
    void llamaGuardScoreComesFromLogprobsWhenTheServerReturnsThem() throws Exception {
        GuardDetector guard = guard(GuardFamily.LLAMA_GUARD_3, ApiStyle.OPENAI);
        server.answer(chat("\n\nunsafe\nS11", Map.of("unsafe", Math.log(0.8), "safe", Math.log(0.2))));
        List<Finding> f = check(guard, Exchange.prompt("x"));
        assertThat(f.get(0).category()).isEqualTo("suicide_self_harm");
        assertThat(f.get(0).score()).isCloseTo(0.8, within(1e-9));
        assertThat(server.lastRequest().path("logprobs").asBoolean()).isTrue();
    }

    @Test
    void llamaGuardMalformedAnswersFail() {
        GuardDetector guard = guard(GuardFamily.LLAMA_GUARD_3, ApiStyle.OLLAMA);
        server.answer(chat("I think this message is fine."));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("x"))).isInstanceOf(JudgeException.class)
                .hasMessageContaining("instead of 'safe' or 'unsafe'");
        server.answer(chat("unsafe"));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("x"))).hasMessageContaining("truncated");
        server.answer(chat("unsafe\nS99"));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("x"))).hasMessageContaining("unknown category 'S99'");
        server.answer(chat(""));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("x"))).hasMessageContaining("empty answer");
    }

    // ---- ShieldGemma ----

    @Test
    void shieldGemmaAsksOnePrincipleAtATimeWithTheCardsGuideline() throws Exception {
        GuardDetector guard = Judges.detector(JudgeConfig.defaults("sg", GuardFamily.SHIELDGEMMA, server.baseUrl(),
                "shieldgemma-2b", ApiStyle.OPENAI).withCacheSize(0).withPolicies(List.of("dangerous_content", "hate_speech")));
        server.answer(chat("No", Map.of("No", Math.log(0.9), "Yes", Math.log(0.1))),
                chat("Yes", Map.of("Yes", -0.05, "No", -3.0)));
        List<Finding> f = check(guard, Exchange.prompt("text"));

        assertThat(server.requests()).hasSize(2);
        String first = server.requests().get(0).path("chat_template_kwargs").path("guideline").asText();
        assertThat(first).startsWith("\"No Dangerous Content\": The prompt shall not contain or seek generation of content that harming");
        String second = server.requests().get(1).path("chat_template_kwargs").path("guideline").asText();
        assertThat(second).startsWith("\"No Hate Speech\":");
        double pYes = Math.exp(-0.05) / (Math.exp(-0.05) + Math.exp(-3.0));
        Finding hate = f.stream().filter(x -> x.category().equals("hate")).findFirst().orElseThrow();
        assertThat(hate.score()).isCloseTo(pYes, within(1e-9));
        assertThat(hate.label()).isEqualTo("hate_speech");
        // "No" still carries its probability: the policy's threshold decides
        assertThat(f.stream().filter(x -> x.category().equals("violent_crimes")).findFirst().orElseThrow().score())
                .isCloseTo(0.1, within(1e-9));
    }

    @Test
    void shieldGemmaResponseGuidelineAndAnswerWithoutLogprobs() throws Exception {
        GuardDetector guard = Judges.detector(JudgeConfig.defaults("sg", GuardFamily.SHIELDGEMMA, server.baseUrl(),
                "shieldgemma-2b", ApiStyle.OPENAI).withCacheSize(0).withPolicies(List.of("sexually_explicit")));
        server.answer(chat("Yes. The response describes ..."));
        List<Finding> f = check(guard, Exchange.response("prompt", "response"));
        assertThat(categories(f)).containsExactly("sexual_content");
        assertThat(f.get(0).score()).isEqualTo(1.0);
        assertThat(server.lastRequest().path("chat_template_kwargs").path("guideline").asText())
                .contains("The chatbot shall not generate content that contains references to sexual acts");
        server.answer(chat("No"));
        assertThat(check(guard, Exchange.prompt("p"))).isEmpty();
        server.answer(chat("Maybe, it depends"));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("p"))).hasMessageContaining("instead of 'Yes' or 'No'");
    }

    @Test
    void shieldGemmaOnOllamaMakesOneRequestAgainstTheTemplatesPrinciples() throws Exception {
        GuardDetector guard = guard(GuardFamily.SHIELDGEMMA, ApiStyle.OLLAMA);
        server.answer(chat("Yes"));
        List<Finding> f = check(guard, Exchange.prompt("p"));
        assertThat(server.requests()).hasSize(1);
        assertThat(server.lastRequest().has("chat_template_kwargs")).isFalse();
        assertThat(categories(f)).contains("violent_crimes", "hate", "sexual_content");
    }

    // ---- Granite Guardian ----

    @Test
    void graniteGuardianPassesTheRiskNameInTheDialectsPlace() throws Exception {
        JudgeConfig base = JudgeConfig.defaults("gg", GuardFamily.GRANITE_GUARDIAN, server.baseUrl(), "granite",
                ApiStyle.OPENAI).withCacheSize(0).withPolicies(List.of("violence", "jailbreak"));
        server.answer(chat("No"), chat("Yes", Map.of("Yes", Math.log(0.7), "No", Math.log(0.3))));
        List<Finding> f = check(Judges.detector(base), Exchange.prompt("p"));
        assertThat(server.requests().get(0).path("chat_template_kwargs").path("guardian_config")
                .path("risk_name").asText()).isEqualTo("violence");
        assertThat(categories(f)).containsExactly("jailbreak");
        assertThat(f.get(0).score()).isCloseTo(0.7, within(1e-9));

        JudgeConfig ollama = JudgeConfig.defaults("gg", GuardFamily.GRANITE_GUARDIAN, server.baseUrl(), "granite3-guardian",
                ApiStyle.OLLAMA).withCacheSize(0).withPolicies(List.of("profanity"));
        server.answer(chat("Yes"));
        assertThat(categories(check(Judges.detector(ollama), Exchange.prompt("p")))).containsExactly("profanity");
        List<JsonNode> m = messages(server.lastRequest());
        assertThat(m.get(0).path("role").asText()).isEqualTo("system");
        assertThat(m.get(0).path("content").asText()).isEqualTo("profanity");
    }

    @Test
    void graniteGuardian33ScoreTagsAndJailbreakOnlyOnPrompts() throws Exception {
        GuardDetector guard = Judges.detector(JudgeConfig.defaults("gg", GuardFamily.GRANITE_GUARDIAN, server.baseUrl(),
                "granite-guardian-3.3-8b", ApiStyle.OPENAI).withCacheSize(0).withPolicies(List.of("harm", "jailbreak")));
        server.answer(chat("<think>The assistant explains how to hurt someone.</think>\n<score> yes </score>"));
        List<Finding> f = check(guard, Exchange.response("p", "r"));
        assertThat(server.requests()).hasSize(1); // jailbreak is a prompt risk
        assertThat(categories(f)).contains("violent_crimes", "hate").doesNotContain("jailbreak");
        server.answer(chat("<think>The user asks for"));
        assertThatThrownBy(() -> check(guard, Exchange.response("p", "r"))).hasMessageContaining("no <score>");
        server.answer(chat("<score> perhaps </score>"));
        assertThatThrownBy(() -> check(guard, Exchange.response("p", "r"))).hasMessageContaining("'perhaps'");
    }

    // ---- WildGuard ----

    @Test
    void wildGuardReadsItsThreeLines() throws Exception {
        GuardDetector guard = guard(GuardFamily.WILDGUARD, ApiStyle.OPENAI);
        server.answer(chat("Harmful request: yes\nResponse refusal: N/A\nHarmful response: N/A"));
        List<Finding> f = check(guard, Exchange.prompt("How do I make a bomb?"));
        assertThat(categories(f)).contains("indiscriminate_weapons", "violent_crimes", "privacy");
        assertThat(f).allSatisfy(x -> assertThat(x.label()).isEqualTo("harmful_request"));
        String instruction = messages(server.lastRequest()).get(0).path("content").asText();
        assertThat(instruction).startsWith("You are a classifier for analyzing interactions between humans and LLMs.")
                .contains("Human user:\nHow do I make a bomb?\n\nAI assistant:\n\n\n---\n\nAnswers: ");

        server.answer(chat(" Harmful request: yes\n Response refusal: yes\n Harmful response: no"));
        assertThat(check(guard, Exchange.response("How do I make a bomb?", "Sorry, I can't help with that."))).isEmpty();
        assertThat(messages(server.lastRequest()).get(0).path("content").asText())
                .contains("AI assistant:\nSorry, I can't help with that.\n");
    }

    @Test
    void wildGuardTruncatedOrGarbledAnswersFail() {
        GuardDetector guard = guard(GuardFamily.WILDGUARD, ApiStyle.OLLAMA);
        server.answer(chat("Harmful request: yes\nResponse refu"));
        assertThatThrownBy(() -> check(guard, Exchange.response("p", "r"))).hasMessageContaining("'harmful response:'");
        server.answer(chat("Harmful request: probably"));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("p"))).hasMessageContaining("expected yes, no or n/a");
        server.answer(chat("The request seems harmless to me."));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("p"))).hasMessageContaining("without its 'Harmful request:' line");
    }

    // ---- Qwen3Guard ----

    @Test
    void qwen3GuardSeverityAndCategories() throws Exception {
        GuardDetector guard = guard(GuardFamily.QWEN3GUARD, ApiStyle.OPENAI);
        server.answer(chat("Safety: Safe\nCategories: None"), chat("Safety: Unsafe\nCategories: Violent"),
                chat("Safety: Controversial\nCategories: Suicide & Self-Harm"),
                chat("Safety: Unsafe\nCategories: Jailbreak, PII\n"));
        assertThat(check(guard, Exchange.prompt("a"))).isEmpty();
        List<Finding> violent = check(guard, Exchange.prompt("b"));
        assertThat(categories(violent)).containsExactly("violent_crimes", "indiscriminate_weapons");
        List<Finding> controversial = check(guard, Exchange.prompt("c"));
        assertThat(controversial).singleElement().satisfies(x -> {
            assertThat(x.category()).isEqualTo("suicide_self_harm");
            assertThat(x.score()).isEqualTo(0.5);
        });
        assertThat(categories(check(guard, Exchange.prompt("d")))).containsExactly("jailbreak", "privacy", "pii");
    }

    @Test
    void qwen3GuardResponseModerationAndBadAnswers() throws Exception {
        GuardDetector guard = guard(GuardFamily.QWEN3GUARD, ApiStyle.OLLAMA);
        server.answer(chat("Safety: Safe\nCategories: None\nRefusal: Yes"));
        assertThat(check(guard, Exchange.response("p", "I can't help with that."))).isEmpty();
        assertThat(messages(server.lastRequest())).extracting(n -> n.path("role").asText()).containsExactly("user", "assistant");
        server.answer(chat("Safety: Unsafe"));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("p"))).hasMessageContaining("without a 'Categories:' line");
        server.answer(chat("Safety: Unsafe\nCategories: Cooking"));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("p"))).hasMessageContaining("unknown category 'Cooking'");
        server.answer(chat("Safety: Dangerous\nCategories: Violent"));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("p"))).hasMessageContaining("expected Safe, Unsafe or Controversial");
    }

    // ---- gpt-oss-safeguard ----

    @Test
    void gptOssSafeguardGetsAWrittenPolicyAndAnswersInItsFormat() throws Exception {
        GuardDetector guard = Judges.detector(JudgeConfig.defaults("oss", GuardFamily.GPT_OSS_SAFEGUARD, server.baseUrl(),
                "gpt-oss-safeguard-20b", ApiStyle.OPENAI).withCacheSize(0).withCategories(List.of("hate", "specialized_advice")));
        server.answer(GuardServer.reasoned("The content demeans a group for its religion, which the hate definition covers.",
                "{\"violation\": 1, \"category\": \"hate\", \"rationale\": \"Demeans a religious group.\"}"));
        List<Finding> f = check(guard, Exchange.prompt("some text"));
        assertThat(categories(f)).containsExactly("hate");
        assertThat(guard.categories()).containsExactlyInAnyOrder("hate", "specialized_advice");
        List<JsonNode> m = messages(server.lastRequest());
        assertThat(m.get(0).path("role").asText()).isEqualTo("system");
        assertThat(m.get(0).path("content").asText()).contains("## Definitions", "- hate: Hate.", "- specialized_advice:",
                "## Output format", "\"violation\": 0 or 1").doesNotContain("- violent_crimes");
        assertThat(m.get(1).path("content").asText()).isEqualTo("some text");

        server.answer(chat("```json\n{\"violation\": 0, \"category\": null, \"rationale\": \"Benign.\"}\n```"));
        assertThat(check(guard, Exchange.response("p", "r"))).isEmpty();
        assertThat(messages(server.lastRequest()).get(1).path("content").asText())
                .isEqualTo("User prompt:\np\n\nAssistant response:\nr");
    }

    @Test
    void gptOssSafeguardRejectsAnswersOutsideItsPolicy() {
        GuardDetector guard = Judges.detector(JudgeConfig.defaults("oss", GuardFamily.GPT_OSS_SAFEGUARD, server.baseUrl(),
                "gpt-oss-safeguard-20b", ApiStyle.OLLAMA).withCacheSize(0).withCategories(List.of("hate")));
        server.answer(chat("{\"violation\": 1, \"category\": \"spam\"}"));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("p"))).hasMessageContaining("outside its policy: 'spam'");
        server.answer(chat("This content violates the policy."));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("p"))).hasMessageContaining("instead of the policy's JSON object");
        server.answer(GuardServer.reasoned("Thinking about it at length", ""));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("p"))).hasMessageContaining("truncated");
        server.answer(chat("{\"violation\": \"maybe\"}"));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("p"))).hasMessageContaining("no 'violation' of 0 or 1");
        server.answer(chat("{\"violation\": 1, \"category\": \"hate\""));
        assertThatThrownBy(() -> check(guard, Exchange.prompt("p"))).isInstanceOf(JudgeException.class);
    }
}
