package dev.parapet.detect.lexicon;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.text.UnicodeNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user's own lexicon files, read from disk and used together with the shipped lexicons. */
class UserLexiconFilesTest {

    private static final TextNormalizer NORMALIZER = new UnicodeNormalizer();
    private final LexiconLoader loader = LexiconLoader.canonical();

    private static Path file(String name) {
        try {
            return Path.of(UserLexiconFilesTest.class.getResource("/lexicon/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void userLexiconsAddToTheShippedOnes() {
        Lexicon user = loader.load(file("scifi.yaml")).plus(loader.load(file("forum.tsv")));
        assertThat(user.size()).isEqualTo(7);
        LexiconDetector detector = LexiconDetector.of(LexiconLoader.shipped().plus(user), NORMALIZER);
        List<String> found = find(detector, "Frakking gorram zorkmids! What the fuck. Blarg, megablarg, "
                + "a blargonaut, smeg-head, smegma research, feeling frobbed today");
        assertThat(found).containsExactly("Frakking", "gorram", "zorkmids", "fuck", "Blarg", "megablarg",
                "smeg", "feeling frobbed");
    }

    private static List<String> find(LexiconDetector detector, String text) {
        return detector.detect(Content.user(text), NORMALIZER.analyze(text), Deadline.none()).stream()
                .map(Finding::span).map(s -> s.orElseThrow().of(text)).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "errors/unknown-category.tsv | 2 | unknown category 'swearing'",
            "errors/bad-severity.tsv     | 4 | severity must be 1, 2 or 3, found 'very'",
            "errors/empty-term.tsv       | 2 | empty term",
            "errors/bad-severity.yaml    | 3 | severity must be 1, 2 or 3, found '4'"})
    void badRowsAreReportedWithFileAndLine(String name, int line, String reason) {
        Path path = file(name);
        assertThatThrownBy(() -> loader.load(path)).isInstanceOfSatisfying(LexiconException.class, e -> {
            assertThat(e.getMessage()).startsWith(path + ":" + line + ": " + reason);
        });
    }
}
