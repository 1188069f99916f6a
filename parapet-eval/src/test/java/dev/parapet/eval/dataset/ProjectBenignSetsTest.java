package dev.parapet.eval.dataset;

import dev.parapet.core.hash.HashSplit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project-written benign sets (small talk and everyday requests beside the n-gram recipe, which trains on their
 * 80% parts; the held-out everyday requests, which nothing trains on) read through the registry with every row benign
 * and in a language the registry names, and a hash split's test part is the 20% no recipe reads. No shared data needed.
 */
class ProjectBenignSetsTest {

    private final DatasetRegistry registry = DatasetRegistry.builtIn();
    private final DatasetLoader loader = new DatasetLoader(Path.of("no-shared-data-needed"), Path.of(".."));

    private LoadedDataset load(String name, String selector) {
        return loader.load(registry.get(name), Selector.parse(selector, registry), Long.MAX_VALUE);
    }

    @ParameterizedTest
    @CsvSource({"smalltalk, 384", "everyday-requests, 3090", "everyday-heldout, 360"})
    void everyRowIsBenignAndInALanguageTheRegistryNames(String name, int rows) {
        LoadedDataset all = load(name, name);
        assertThat(all.badRows()).as(all.issues().toString()).isZero();
        assertThat(all.examples()).hasSize(rows);
        assertThat(all.positives()).isZero();
        Set<String> languages = all.examples().stream().map(Example::language).collect(Collectors.toSet());
        assertThat(languages).containsExactlyInAnyOrderElementsOf(registry.get(name).languages());
    }

    @ParameterizedTest
    @ValueSource(strings = {"smalltalk", "everyday-requests"})
    void theTestPartIsTheTwentyPercentNoRecipeReads(String name) {
        LoadedDataset all = load(name, name);
        LoadedDataset test = load(name, name + ":test");
        LoadedDataset train = load(name, name + ":train");
        assertThat(test.examples().size() + train.examples().size()).isEqualTo(all.examples().size());
        assertThat(test.examples()).isNotEmpty()
                .allSatisfy(e -> assertThat(HashSplit.bucket(e.text())).isGreaterThanOrEqualTo(80));
    }
}
