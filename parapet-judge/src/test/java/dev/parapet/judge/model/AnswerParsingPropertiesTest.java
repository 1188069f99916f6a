package dev.parapet.judge.model;

import dev.parapet.judge.ApiStyle;
import dev.parapet.judge.client.ChatReply;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every family's answer reader accepts or rejects any text with a verdict or a MalformedVerdictException, nothing else. */
class AnswerParsingPropertiesTest {

    private static final List<GuardModel> MODELS = List.of(
            new LlamaGuard(3, 16),
            new ShieldGemma(List.of("hate_speech"), 8),
            new GraniteGuardian(List.of("harm"), 64),
            new WildGuard(32),
            new Qwen3Guard(0.5, 64),
            new GptOssSafeguard(Map.of("hate", "Hate."), Optional.empty(), 512));

    @Provide
    Arbitrary<String> answers() {
        Arbitrary<String> fragments = Arbitraries.of("safe", "unsafe", "\n", "S1", "S10", ",", "Yes", "No", "<score>",
                "</score>", "<think>", "Harmful request:", "Response refusal:", "Harmful response:", " yes", " no", "n/a",
                "Safety:", "Categories:", "Unsafe", "Controversial", "Violent", "PII", "{", "}", "\"violation\":", "1", "0",
                "\"category\":", "\"hate\"", ":", " ", "\u2581", "é", "\uD83D\uDE00");
        return Arbitraries.oneOf(
                fragments.list().ofMaxSize(20).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(200));
    }

    @Property(tries = 300)
    void readersNeverThrowAnythingButMalformed(@ForAll("answers") String answer) {
        for (GuardModel model : MODELS) {
            for (Exchange exchange : List.of(Exchange.prompt("p"), Exchange.response("p", "r"))) {
                Ask ask = model.asks(exchange, ApiStyle.OPENAI).get(0);
                try {
                    GuardVerdict v = model.read(ask, exchange, new ChatReply(answer, Optional.empty(), Map.of()));
                    assertThat(v.score()).isBetween(0.0, 1.0);
                    assertThat(v.summary().length()).isLessThan(300);
                } catch (MalformedVerdictException e) {
                    assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(300);
                }
            }
        }
    }

    @Property(tries = 200)
    void probabilitiesStayInRange(@ForAll double yes, @ForAll double no) {
        var p = Answers.probability(Map.of("Yes", -Math.abs(yes), "No", -Math.abs(no)), "yes", "no");
        if (p.isPresent()) {
            assertThat(p.getAsDouble()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void hostileAnswersAreRejectedQuicklyWithShortMessages() {
        List<String> hostile = List.of("a".repeat(100_000), "unsafe\n" + "S1,".repeat(50_000),
                "Safety: Unsafe\nCategories: " + "Violent, ".repeat(20_000), "{".repeat(100_000),
                "<score>" + " ".repeat(100_000), "\n".repeat(100_000));
        for (GuardModel model : MODELS) {
            Exchange exchange = Exchange.prompt("p");
            Ask ask = model.asks(exchange, ApiStyle.OPENAI).get(0);
            for (String answer : hostile) {
                try {
                    model.read(ask, exchange, new ChatReply(answer, Optional.empty(), Map.of()));
                } catch (MalformedVerdictException e) {
                    assertThat(e.getMessage()).hasSizeLessThan(300);
                }
            }
        }
        Exchange exchange = Exchange.prompt("p");
        GuardModel lg = MODELS.get(0);
        assertThatThrownBy(() -> lg.read(lg.asks(exchange, ApiStyle.OPENAI).get(0), exchange,
                new ChatReply("unsafe\n" + "S1,".repeat(50_000), Optional.empty(), Map.of())))
                .isInstanceOf(MalformedVerdictException.class);
    }
}
