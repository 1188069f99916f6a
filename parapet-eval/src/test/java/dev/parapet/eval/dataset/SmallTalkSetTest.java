package dev.parapet.eval.dataset;

import dev.parapet.core.hash.HashSplit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project-written small-talk set (beside the n-gram recipe, which trains on its 80% part) reads through the
 * registry, and its test part is the 20% no recipe reads (no shared data needed).
 */
class SmallTalkSetTest {

    private final DatasetRegistry registry = DatasetRegistry.builtIn();
    private final DatasetLoader loader = new DatasetLoader(Path.of("no-shared-data-needed"), Path.of(".."));

    private LoadedDataset load(String selector) {
        return loader.load(registry.get("smalltalk"), Selector.parse(selector, registry), Long.MAX_VALUE);
    }

    @Test
    void everyRowIsBenignAndNamesItsLanguage() {
        LoadedDataset all = load("smalltalk");
        assertThat(all.badRows()).as(all.issues().toString()).isZero();
        assertThat(all.examples()).hasSize(384);
        assertThat(all.positives()).isZero();
        Set<String> languages = all.examples().stream().map(Example::language).collect(Collectors.toSet());
        assertThat(languages).containsExactlyInAnyOrder("en", "es", "fr", "de", "pt", "it", "zh", "ja", "hi", "ar",
                "ru", "bn");
    }

    @Test
    void theTestPartIsTheTwentyPercentNoRecipeReads() {
        LoadedDataset test = load("smalltalk:test");
        LoadedDataset train = load("smalltalk:train");
        assertThat(test.examples().size() + train.examples().size()).isEqualTo(384);
        assertThat(test.examples()).isNotEmpty()
                .allSatisfy(e -> assertThat(HashSplit.bucket(e.text())).isGreaterThanOrEqualTo(80));
    }
}
