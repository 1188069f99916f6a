package dev.parapet.detect.lexicon;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures how much of a public reference word list (LDNOOBW, eval-only, shared data; skipped when
 * absent) the project-written lexicons find. The reference is only read here, never copied: it mixes
 * offensive words with ones that are merely sexual or anatomical, so full coverage is not the goal.
 */
class LdnoobwCoverageTest {

    @Test
    void coveragePerLanguage() throws IOException {
        Path dir = SharedData.require("data/multilingual/ldnoobw-bad-words");
        TextNormalizer normalizer = SuiteNormalizer.get();
        LexiconDetector detector = LexiconDetector.defaults(normalizer);
        int found = 0;
        int total = 0;
        StringBuilder report = new StringBuilder("coverage of the LDNOOBW reference lists (words found by the lexicons)\n");
        for (String lang : LexiconLoader.shippedNames()) { // a language without a reference list is skipped
            Path file = dir.resolve(lang);
            if (!Files.exists(file)) {
                continue;
            }
            int langFound = 0;
            int langTotal = 0;
            for (String word : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                word = word.strip();
                if (word.isEmpty()) {
                    continue;
                }
                langTotal++;
                if (!detector.detect(Content.user(word), normalizer.analyze(word), Deadline.none()).isEmpty()) {
                    langFound++;
                }
            }
            report.append(String.format("  %-3s %4d / %4d  %.2f%n", lang, langFound, langTotal,
                    (double) langFound / Math.max(1, langTotal)));
            found += langFound;
            total += langTotal;
        }
        report.append(String.format("  all %4d / %4d  %.2f", found, total, (double) found / Math.max(1, total)));
        System.out.println(report);
        assertThat(total).isPositive();
        assertThat((double) found / total).as("overall coverage of the reference lists").isGreaterThan(0.22);
    }
}
