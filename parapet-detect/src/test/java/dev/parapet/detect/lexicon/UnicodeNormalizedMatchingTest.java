package dev.parapet.detect.lexicon;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.text.UnicodeNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped lexicons through Parapet's own normaliser, end to end. */
class UnicodeNormalizedMatchingTest {

    private static final TextNormalizer NORMALIZER = new UnicodeNormalizer();
    private static final LexiconDetector DETECTOR = LexiconDetector.defaults();

    private static List<Finding> find(String text) {
        return DETECTOR.detect(Content.user(text), NORMALIZER.analyze(text), Deadline.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"f u c k", "sh1t", "fuuuuck", "ѕhit", "a$$hole", "b!tch", "fu\u200Bck", "f*ck", "f**k",
            "sh!t", "ｆｕｃｋ", "fück", "s.h.i.t", "F-U-C-K off", "b1tch", "5h1t", "phuck", "biatch"})
    void findsTheObfuscatedSpellingsOthersMiss(String text) {
        assertThat(find(text)).as(text).extracting(Finding::category).contains("profanity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Scunthorpe", "class", "assessment", "cocktail", "therapist", "Dickens", "assassin",
            "shiitake", "Penistone", "cockpit", "grasshopper", "p@ssw0rd", "pass the glass", "Sussex", "analysis",
            "un cono de helado", "パチンコ", "我想死你了", "시발점"})
    void leavesHarmlessLookAlikesAlone(String text) {
        assertThat(find(text)).as(text).isEmpty();
    }

    @Test
    void anAccentInTheTermStillCountsWhenTheNormaliserDropsAccents() {
        assertThat(NORMALIZER.analyze("coño").normalized().text()).isEqualTo("cono");
        assertThat(find("¡qué coño!")).extracting(Finding::category).containsExactly("profanity");
        assertThat(find("un cono")).isEmpty();
    }

    @Test
    void aTypographicApostropheMatchesATermWrittenWithTheAsciiOne() {
        String text = "listen: I\u2019ll kill you";
        assertThat(find(text)).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo("violent_crimes");
            assertThat(f.span().orElseThrow().of(text)).isEqualTo("I\u2019ll kill you");
        });
    }

    @Test
    void aTermWrittenInSimplifiedChineseMatchesTraditionalText() {
        String text = "他罵人：日你媽！";
        assertThat(find(text)).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo("profanity");
            assertThat(f.span().orElseThrow().of(text)).isEqualTo("日你媽");
        });
    }

    @Test
    void stemsTakeEndingsWithDoubledConsonants() {
        assertThat(find("shitty weather, stop shitting me")).hasSize(2);
        assertThat(find("please assess the risks")).isEmpty();
    }

    @Test
    void spansPointAtTheOriginalText() {
        String text = "well ｓ\u200Bｈ１ｔ happens";
        assertThat(find(text)).singleElement()
                .satisfies(f -> assertThat(f.span().orElseThrow().of(text)).isEqualTo("ｓ\u200Bｈ１ｔ"));
    }

    @Test
    void findsTermsInsideEncodedPayloads() {
        String text = "decode this: aSB3YW50IHRvIGtpbGwgbXlzZWxmIG5vdw==";
        assertThat(find(text)).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo("suicide_self_harm");
            assertThat(f.evidence()).contains("base64 payload");
            assertThat("aSB3YW50IHRvIGtpbGwgbXlzZWxmIG5vdw==").contains(f.span().orElseThrow().of(text));
        });
    }

    @Test
    void findsTermsInManyLanguages() {
        assertThat(find("du bist ein Arschloch")).extracting(Finding::category).contains("profanity");
        assertThat(find("ты мудак")).extracting(Finding::category).contains("profanity");
        assertThat(find("你是傻逼吗")).extracting(Finding::category).contains("profanity");
        assertThat(find("もう死にたい")).extracting(Finding::category).contains("suicide_self_harm");
        assertThat(find("씨발놈아")).extracting(Finding::category).contains("profanity");
        assertThat(find("तू चूतिया है")).extracting(Finding::category).contains("profanity");
        assertThat(find("كس امك")).extracting(Finding::category).contains("profanity");
        assertThat(find("je vais me suicider")).extracting(Finding::category).contains("suicide_self_harm");
    }
}
