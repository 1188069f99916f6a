package dev.parapet.detect.lexicon;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.TextNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The lexicons shipped with Parapet: present, well-formed, licensed, and each term finds itself. */
class ShippedLexiconTest {

    private static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "pt", "it", "ru", "ar", "hi", "zh",
            "ja", "ko", "pl", "cs", "nl", "da", "uk", "hbs", "sv", "nb", "id", "tr", "fi", "hu", "he", "sw");
    private static final Set<String> CATEGORIES = Set.of("profanity", "hate", "sexual_content", "suicide_self_harm");

    static TextNormalizer normalizer() {
        return SuiteNormalizer.get();
    }

    private static Lexicon lexicon;
    private static LexiconDetector detector;

    @BeforeAll
    static void load() {
        lexicon = LexiconLoader.shipped();
        detector = LexiconDetector.defaults(normalizer());
    }

    @Test
    void everyLanguageShipsWithItsHeader() throws IOException {
        assertThat(LexiconLoader.shippedNames()).containsExactlyElementsOf(LANGUAGES);
        for (String name : LANGUAGES) {
            try (InputStream in = LexiconLoader.class.getResourceAsStream("/dev/parapet/detect/lexicon/" + name + ".tsv")) {
                assertThat(in).as(name).isNotNull();
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).as(name).startsWith("# Parapet lexicon: ")
                        .contains("Written by the Parapet project")
                        .contains("Licensed under the Apache License, Version 2.0");
            }
        }
    }

    @Test
    void everyLanguageCoversTheFourCategories() {
        Map<String, Map<String, Integer>> counts = lexicon.counts();
        for (String lang : LANGUAGES) {
            assertThat(counts.get(lang).keySet()).as(lang).containsAll(CATEGORIES);
        }
        assertThat(detector.categories()).containsAll(CATEGORIES);
        StringBuilder table = new StringBuilder("shipped lexicon terms by language and category\n");
        counts.forEach((lang, byCategory) -> table.append(String.format("  %-8s %s%n", lang, byCategory)));
        table.append("  total ").append(lexicon.size()).append(" terms, ").append(lexicon.allowed().size())
                .append(" allowed words, ").append(detector.patternCount()).append(" patterns, ~")
                .append(detector.estimatedBytes() / 1024).append(" KiB");
        System.out.println(table);
    }

    @Test
    void everyTermFindsItselfWithItsCategory() {
        List<String> misses = new ArrayList<>();
        for (Term term : lexicon.terms()) {
            String text = "« " + term.text() + " »";
            List<Finding> found = detector.detect(Content.user(text), normalizer().analyze(text), Deadline.none());
            if (found.stream().noneMatch(f -> f.category().equals(term.category()))) {
                misses.add(term.origin() + " " + term);
            }
        }
        assertThat(misses).isEmpty();
    }

    @Test
    void allowedWordsAreNotFound() {
        List<String> found = new ArrayList<>();
        for (String word : lexicon.allowed()) {
            if (!detector.detect(Content.user(word), normalizer().analyze(word), Deadline.none()).isEmpty()) {
                found.add(word);
            }
        }
        assertThat(found).isEmpty();
    }
}
