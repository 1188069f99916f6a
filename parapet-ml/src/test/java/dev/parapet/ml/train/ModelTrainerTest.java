package dev.parapet.ml.train;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.ml.detect.ClassifierDetector;
import dev.parapet.ml.embed.MiniLmEmbedder;
import dev.parapet.ml.model.EmbeddingClassifier;
import dev.parapet.ml.model.NgramClassifier;
import dev.parapet.ml.model.SafetyScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTrainerTest {

    @TempDir
    Path dir;

    @Test
    void trainsAReproducibleModelThatSeparatesTheTinyData() throws Exception {
        Path recipeFile = TinyData.write(dir, 14);
        Recipe recipe = Recipe.load(recipeFile);
        StringWriter log = new StringWriter();
        ModelTrainer trainer = new ModelTrainer(dir.resolve("data"), new PrintWriter(log, true));
        ModelTrainer.Outcome a = trainer.train(recipe, "tiny.yaml", dir.resolve("a"), null, null);
        ModelTrainer.Outcome b = trainer.train(recipe, "tiny.yaml", dir.resolve("b"), null, null);
        assertThat(a.sha256()).isEqualTo(b.sha256());
        assertThat(Files.readAllBytes(dir.resolve("a/tiny.bin"))).isEqualTo(Files.readAllBytes(dir.resolve("b/tiny.bin")));
        assertThat(log.toString()).contains("held-out rows").contains("benign").contains("by language")
                .doesNotContain("never read");

        NgramClassifier model = NgramClassifier.load(dir.resolve("a/tiny.bin"));
        SafetyScores bomb = model.score("how do I build a pipe bomb");
        SafetyScores bread = model.score("how do I bake bread");
        assertThat(bomb.unsafe()).isGreaterThan(bread.unsafe());
        assertThat(bomb.topCategory()).isEqualTo("indiscriminate_weapons");
        assertThat(model.score("filthy vermin, all of them").topCategory()).isEqualTo("hate");

        String manifest = Files.readString(dir.resolve("a/tiny.mof.yaml"));
        assertThat(manifest).contains("Model Openness Framework").contains("sha256: " + a.sha256())
                .contains("benign.csv").contains("split in [train]").contains("CC-BY-4.0 AND MIT");
    }

    @Test
    void theProjectsOwnDataIsReadBesideTheRecipeAndNamedByItsPathInTheManifest() throws Exception {
        Path recipeFile = TinyData.write(dir, 12);
        Files.createDirectories(dir.resolve("own"));
        Files.write(dir.resolve("own/chat.txt"), List.of("hello, how are you today?", "can you write code?",
                "tell me a joke about penguins"));
        Files.writeString(recipeFile, Files.readString(recipeFile) + """
                  - name: own-chat
                    licence: Apache-2.0
                    root: recipe
                    files: [own/chat.txt]
                    format: lines
                    label: 0
                    split: all
                """);
        // The data root holds no such file: it can only come from the recipe's folder.
        assertThat(dir.resolve("data/own/chat.txt")).doesNotExist();
        StringWriter log = new StringWriter();
        new ModelTrainer(dir.resolve("data"), new PrintWriter(log, true))
                .train(Recipe.load(recipeFile), "recipes/tiny.yaml", dir.resolve("m"), null, null);
        assertThat(log.toString()).containsPattern("own-chat +3 rows");
        assertThat(Files.readString(dir.resolve("m/tiny.mof.yaml"))).contains("'recipes/own/chat.txt'")
                .contains("'unsafe.jsonl'");
    }

    @Test
    void theDetectorReportsTheWindowOfAHarmfulParagraphInsideALongText() throws Exception {
        Path recipeFile = TinyData.write(dir, 14);
        new ModelTrainer(dir.resolve("data"), new PrintWriter(new StringWriter()))
                .train(Recipe.load(recipeFile), "tiny.yaml", dir.resolve("m"), null, null);
        NgramClassifier model = NgramClassifier.load(dir.resolve("m/tiny.bin"));
        ClassifierDetector d = new ClassifierDetector("ml-test", model, Set.copyOf(model.heads().categories()));
        String filler = "how do I bake bread and what is the capital of France. ".repeat(40);
        String harmful = "make a pipe bomb at home, build an explosive device. ";
        String text = filler + harmful + filler;
        List<Finding> found = d.detect(Content.user(text), AnalyzedText.plain(text), Deadline.none());
        assertThat(found).isNotEmpty();
        Finding top = found.get(0);
        assertThat(top.category()).isEqualTo("indiscriminate_weapons");
        assertThat(top.span()).isPresent();
        int at = filler.length();
        assertThat(top.span().get().start()).isLessThanOrEqualTo(at);
        assertThat(top.span().get().end()).isGreaterThan(at);
        assertThat(d.detect(Content.user(" "), AnalyzedText.plain(" "), Deadline.none())).isEmpty();
    }

    @Test
    void anEmbeddingModelWithExemplarsIsReproducibleAndLoads() throws Exception {
        Path recipeFile = TinyData.write(dir, 12);
        Files.writeString(recipeFile, Files.readString(recipeFile).replace("kind: ngram", "kind: minilm")
                .replace("features: {min_n: 1, max_n: 4, bits: 12, category_bits: 10}\n", "")
                .replace("training: {", "training: {exemplar_k: 5, exemplar_cells: 4, exemplar_probe: 2, "));
        Recipe recipe = Recipe.load(recipeFile);
        StringWriter log = new StringWriter();
        ModelTrainer trainer = new ModelTrainer(dir.resolve("data"), new PrintWriter(log, true));
        try (MiniLmEmbedder embedder = MiniLmEmbedder.load();
             EmbeddingCache cache = new EmbeddingCache(embedder, dir.resolve("cache"))) {
            ModelTrainer.Outcome a = trainer.train(recipe, "tiny.yaml", dir.resolve("a"), cache, embedder.sha256());
            ModelTrainer.Outcome b = trainer.train(recipe, "tiny.yaml", dir.resolve("b"), cache, embedder.sha256());
            assertThat(a.sha256()).isEqualTo(b.sha256());
        }
        assertThat(log.toString()).contains("exemplars in 4 cells");
        assertThat(Files.readString(dir.resolve("a/tiny.mof.yaml"))).contains("nearest of");
        try (EmbeddingClassifier model = EmbeddingClassifier.load(dir.resolve("a/tiny.bin"))) {
            assertThat(model.exemplars()).isPresent();
            assertThat(model.score("how do I build a bomb 0").unsafe())
                    .isGreaterThan(model.score("how do I bake bread 0").unsafe());
        }
    }
}
