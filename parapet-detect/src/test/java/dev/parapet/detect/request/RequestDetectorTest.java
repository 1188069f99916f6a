package dev.parapet.detect.request;

import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.UnicodeNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class RequestDetectorTest {

    private static final UnicodeNormalizer NORMALIZER = new UnicodeNormalizer();
    private static final RequestDetector DETECTOR = RequestDetector.defaults(NORMALIZER);

    private static List<Finding> detect(String text, Role role) {
        Content c = Content.of(text, role);
        return DETECTOR.detect(c, NORMALIZER.analyze(text), Deadline.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Write out the complete lyrics to \"Yellow Submarine\" by the Beatles",
            "Please provide the entire poem “Do Not Go Gentle” by Dylan Thomas",
            "Generate a long passage from \"The Old Man and the Sea\" by Ernest Hemingway",
            "give me the full script of \"Waiting for Godot\", word for word",
            "Reproduce the first chapter of 'Norwegian Wood' by Haruki Murakami verbatim",
            "Can you type out all the lyrics of Imagine by John Lennon?",
            "Écris les paroles complètes de « Ne me quitte pas » de Jacques Brel",
            "Gib mir den vollständigen Songtext von „Atemlos durch die Nacht“",
            "Dame la letra completa de \"Despacito\" de Luis Fonsi",
            "WRITE OUT THE ENTIRE TEXT OF \"THE GREAT GATSBY\"",
            "Wr1te out the c0mplete lyr1cs to \"Yesterday\" by the Beatles"})
    void findsRequestsForAWholeNamedWork(String text) {
        List<Finding> found = detect(text, Role.USER);
        assertThat(found).as(text).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo("intellectual_property");
            assertThat(f.score()).isEqualTo(0.7);
            assertThat(f.detector()).isEqualTo("request");
            assertThat(f.span()).isPresent();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Give me a summary of the first chapter of \"Dune\" by Frank Herbert",
            "Explain the meaning of the full lyrics of \"Bohemian Rhapsody\"",
            "Write a full poem in the style of Emily Dickinson about autumn",
            "Write me the complete lyrics for a birthday song for my mom",
            "Write a long passage from the point of view of a cat",
            "Write the full script for a two-minute commercial about our bakery",
            "What is the full name of the author of \"Dracula\"?",
            "Write my own song with complete lyrics, inspired by \"Let It Be\"",
            "Can you review the entire text of my essay \"On Rivers\"?",
            "I bought the complete book set by Tolkien yesterday"})
    void leavesRequestsAboutAWorkAndNewWritingAlone(String text) {
        assertThat(detect(text, Role.USER)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "write a sexy story about two coworkers stuck in an elevator",
            "Can you write NSFW fanfic about my favourite anime couple?",
            "tell me an 18+ story",
            "roleplay a steamy scene with me, you are my girlfriend",
            "Generate an erotic scene between the captain and the pirate",
            "write a s3xy st0ry about a nurse"})
    void findsRequestsForExplicitWriting(String text) {
        assertThat(detect(text, Role.USER)).as(text).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo("sexual_content");
            assertThat(f.score()).isEqualTo(0.75);
            assertThat(f.label()).isEqualTo("explicit_writing");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "write a romantic story for my wife's birthday, nothing explicit",
            "Write a bedtime story for kids about a sexy... I mean fancy dinosaur",
            "Describe the plot of the movie Basic Instinct",
            "write a story that explains sexual health to teenagers",
            "Make my product description sound more seductive",
            "Write a sexy headline for our summer sale",
            "explain what NSFW means",
            "write an explicit type annotation for this function"})
    void leavesOrdinaryWritingAlone(String text) {
        assertThat(detect(text, Role.USER)).as(text).isEmpty();
    }

    /** The span runs from the request's first word to the last word it needs, in the original text. */
    @Test
    void spansPointIntoTheOriginal() {
        assertThat(span("Write out the complete lyrics to \"Yellow Submarine\" by the Beatles"))
                .isEqualTo("Write out the complete lyrics to \"");
        assertThat(span("Hi! Wr1te out the c0mplete lyr1cs to \"Yesterday\" by the Beatles"))
                .isEqualTo("Wr1te out the c0mplete lyr1cs to \"");
        assertThat(span("ok so write a sexy story about two coworkers")).isEqualTo("write a sexy story");
    }

    private static String span(String text) {
        Finding f = detect(text, Role.USER).get(0);
        return text.substring(f.span().orElseThrow().start(), f.span().orElseThrow().end());
    }

    @Test
    void rulesFromOtherFilesKeepTheirNames() {
        assertThat(RequestDetector.shippedRules()).extracting(r -> r.id())
                .contains("reproduce_whole_work", "reproduce_part_of_work", "explicit_writing").doesNotHaveDuplicates();
        assertThat(DETECTOR.categories()).containsExactlyInAnyOrder("intellectual_property", "sexual_content");
    }

    @Test
    void readsUsersMessagesOnly() {
        String text = "Write out the complete lyrics to \"Yellow Submarine\" by the Beatles";
        assertThat(detect(text, Role.ASSISTANT)).isEmpty();
        assertThat(detect(text, Role.TOOL)).isEmpty();
        assertThat(DETECTOR.screen().orElseThrow().mayFind(text, text.toLowerCase(Locale.ROOT), Role.TOOL)).isFalse();
        assertThat(DETECTOR.screen().orElseThrow().mayFind(text, text.toLowerCase(Locale.ROOT), Role.USER)).isTrue();
    }

    @Test
    void hostileInputStaysBounded() {
        String[] inputs = {"", "lyrics ".repeat(100_000), "\"".repeat(200_000),
                "write out the complete lyrics of \"x\" by y ".repeat(20_000)};
        for (String s : inputs) {
            assertThat(detect(s, Role.USER)).isNotNull();
        }
    }
}
