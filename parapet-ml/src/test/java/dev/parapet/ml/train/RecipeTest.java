package dev.parapet.ml.train;

import dev.parapet.core.yaml.YamlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecipeTest {

    @TempDir
    Path dir;

    @Test
    void readsTheTinyRecipe() throws Exception {
        Recipe r = Recipe.load(TinyData.write(dir, 12));
        assertThat(r.name()).isEqualTo("tiny");
        assertThat(r.datasets()).hasSize(2);
        assertThat(r.datasets().get(0).categories()).containsEntry("weapons", "indiscriminate_weapons");
        assertThat(r.datasets().get(1).splitValues()).containsExactly("train");
        assertThat(r.feature("bits", 0)).isEqualTo(12);
    }

    @Test
    void refusesToTrainOnATestSplit() throws Exception {
        Path recipe = TinyData.write(dir, 12);
        Files.writeString(recipe, Files.readString(recipe).replace("split_values: [train]", "split_values: [train, test]"));
        assertThatThrownBy(() -> Recipe.load(recipe)).isInstanceOf(YamlException.class)
                .hasMessageContaining("test splits are never trained on").hasMessageContaining("tiny.yaml");
    }

    @Test
    void namesFileAndLineOfUnknownCategoriesAndKeys() throws Exception {
        Path recipe = TinyData.write(dir, 12);
        Files.writeString(recipe, Files.readString(recipe).replace("hate: hate}", "hate: hatred}"));
        assertThatThrownBy(() -> Recipe.load(recipe)).isInstanceOf(YamlException.class)
                .hasMessageContaining("unknown canonical category 'hatred'").hasMessageContaining(":14:");
        Files.writeString(recipe, Files.readString(recipe).replace("licence: MIT", "licence: MIT\n    colour: red"));
        assertThatThrownBy(() -> Recipe.load(recipe)).hasMessageContaining("unknown key 'colour'");
    }

    @Test
    void readsAndBoundsHardNegativeMining() throws Exception {
        Path recipe = TinyData.write(dir, 12);
        assertThat(Recipe.load(recipe).miningRounds()).isZero();
        String text = Files.readString(recipe);
        Files.writeString(recipe, text.replace("training: {", "training: {mining_rounds: 2, mining_weight: 4, "));
        Recipe r = Recipe.load(recipe);
        assertThat(r.miningRounds()).isEqualTo(2);
        assertThat(r.miningWeight()).isEqualTo(4.0);
        Files.writeString(recipe, text.replace("training: {", "training: {mining_rounds: 9, "));
        assertThatThrownBy(() -> Recipe.load(recipe)).isInstanceOf(YamlException.class)
                .hasMessageContaining("mining_rounds must be in 0..5").hasMessageContaining("tiny.yaml");
    }

    @Test
    void theProjectsOwnDataIsNamedFileByFileUnderAKnownRoot() throws Exception {
        Path recipe = TinyData.write(dir, 12);
        String text = Files.readString(recipe);
        Files.writeString(recipe, text.replace("files: [unsafe.jsonl]", "root: recipe\n    files: [\"own/*.jsonl\"]"));
        assertThatThrownBy(() -> Recipe.load(recipe)).isInstanceOf(YamlException.class)
                .hasMessageContaining("named one by one");
        Files.writeString(recipe, text.replace("files: [unsafe.jsonl]", "root: home\n    files: [unsafe.jsonl]"));
        assertThatThrownBy(() -> Recipe.load(recipe)).isInstanceOf(YamlException.class)
                .hasMessageContaining("root must be 'data'");
    }

    @Test
    void aMissingDataFileIsNamed() throws Exception {
        Path recipe = TinyData.write(dir, 12);
        Files.delete(dir.resolve("data/unsafe.jsonl"));
        DatasetReader reader = new DatasetReader(dir.resolve("data"), dir);
        assertThatThrownBy(() -> reader.read(Recipe.load(recipe).datasets().get(0)))
                .hasMessageContaining("no such file").hasMessageContaining("unsafe.jsonl");
    }

    @Test
    void exemplarsBelongToEmbeddingModels() throws Exception {
        Path recipe = TinyData.write(dir, 12);
        String text = Files.readString(recipe);
        assertThat(Recipe.load(recipe).exemplars().k()).isZero();
        Files.writeString(recipe, text.replace("training: {", "training: {exemplar_k: 10, "));
        assertThatThrownBy(() -> Recipe.load(recipe)).isInstanceOf(YamlException.class)
                .hasMessageContaining("exemplars need kind 'minilm'");
        Files.writeString(recipe, text.replace("kind: ngram", "kind: minilm")
                .replace("features: {min_n: 1, max_n: 4, bits: 12, category_bits: 10}\n", "")
                .replace("training: {", "training: {exemplar_k: 10, exemplar_cells: 4, exemplar_probe: 2, "));
        Recipe r = Recipe.load(recipe);
        assertThat(r.exemplars()).isEqualTo(new Recipe.Exemplars(10, 0.05, 4, 2));
    }

    @Test
    void languagesReadFromTheDataAreMappedToTheCodesTheModelReportsBy() throws Exception {
        assertThat(readUnsafeRows("lang_map: {data: es}").examples())
                .isNotEmpty().allSatisfy(e -> assertThat(e.lang()).isEqualTo("es"));
    }

    @Test
    void aDatasetCanBeReadInSomeOfItsLanguagesOnly() throws Exception {
        DatasetReader.Result none = readUnsafeRows("lang_map: {data: es}\n    langs: [en]");
        assertThat(none.examples()).isEmpty();
        assertThat(none.otherLanguages()).isEqualTo(4 * (TinyData.WEAPONS.length + TinyData.HATE.length));

        DatasetReader.Result all = readUnsafeRows("lang_map: {data: es}\n    langs: [es, en]");
        assertThat(all.examples()).hasSize(none.otherLanguages());
        assertThat(all.otherLanguages()).isZero();
    }

    /**
     * The tiny recipe's unsafe rows, read with their language from their folder, "data" (as XSafety's folders name
     * theirs), and these further keys.
     */
    private DatasetReader.Result readUnsafeRows(String languageKeys) throws Exception {
        Path recipe = TinyData.write(dir, 12);
        Files.writeString(recipe, Files.readString(recipe).replace("split: all",
                "split: all\n    lang: \"{dir}\"\n    " + languageKeys));
        return new DatasetReader(dir.resolve("data"), dir).read(Recipe.load(recipe).datasets().get(0));
    }
}
