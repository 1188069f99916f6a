package dev.parapet.ml.lang;

import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The English-only model's scope, on the real OpenNLP language detector. */
class EnglishScopeTest {

    private static EnglishScope scope;

    @BeforeAll
    static void load() {
        scope = EnglishScope.load();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "How do I reset the password of my router after a power cut?",
            "Write a short poem about the sea at night.",
            "kill -9 the process that holds port 8080",
    })
    void englishIsRead(String text) {
        assertThat(scope.reads(Content.user(text), text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Le conseil municipal a voté hier soir le budget de la nouvelle médiathèque.",
            "Die Bahn hat angekündigt, dass die Strecke nach Hamburg ab Montag wieder befahrbar ist.",
            "Вчера в городе открыли новую библиотеку для детей и взрослых.",
            "昨日、駅の近くに新しい図書館が開館しました。",
            "El ayuntamiento aprobó ayer el presupuesto para la nueva biblioteca del barrio.",
    })
    void otherLanguagesAreNotRead(String text) {
        assertThat(scope.reads(Content.user(text), text)).isFalse();
    }

    @Test
    void anEnglishHintIsEnoughButAForeignHintNeverSkipsEnglishText() {
        String french = "Le conseil municipal a voté hier soir le budget de la nouvelle médiathèque.";
        String english = "How do I reset the password of my router after a power cut?";
        assertThat(scope.reads(hinted(french, "en-GB"), french)).isTrue();
        assertThat(scope.reads(hinted(english, "fr"), english)).isTrue();
    }

    @Test
    void languageTags() {
        assertThat(EnglishScope.isEnglishTag("en")).isTrue();
        assertThat(EnglishScope.isEnglishTag("EN_us")).isTrue();
        assertThat(EnglishScope.isEnglishTag("eng")).isTrue();
        assertThat(EnglishScope.isEnglishTag("fr")).isFalse();
        assertThat(EnglishScope.isEnglishTag("")).isFalse();
    }

    @Test
    void emptyBinaryAndHugeTextDoNotFail() {
        String binary = "\u0000\u0001\uFFFD\uD800";
        String huge = "a".repeat(200_000);
        assertThatCode(() -> scope.isEnglish("")).doesNotThrowAnyException();
        assertThatCode(() -> scope.isEnglish(binary)).doesNotThrowAnyException();
        assertThat(scope.isEnglish(huge + " How do I reset the password of my router?")).isFalse();
    }

    private static Content hinted(String text, String language) {
        return new Content(text, Role.USER, Optional.of(language), Map.of());
    }
}
