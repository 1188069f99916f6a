package dev.parapet.ml.cli;

import dev.parapet.core.yaml.YamlException;
import dev.parapet.ml.embed.MiniLmEmbedder;
import dev.parapet.ml.model.ModelFile;
import dev.parapet.ml.model.ModelLoadException;
import dev.parapet.ml.train.EmbeddingCache;
import dev.parapet.ml.train.ModelTrainer;
import dev.parapet.ml.train.Recipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code parapet train --recipe FILE}: trains a model from a recipe on the training part of the public data,
 * prints its held-out figures, writes the model, its checksum and its openness manifest, and says whether the
 * result is bit for bit the model that ships. Exit codes: 0 trained, 1 trained but differs from the shipped
 * model of that name, 2 usage or input error.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier from a recipe (datasets and splits, features, settings, seed) and print "
                + "its held-out figures.",
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--recipe", required = true, paramLabel = "FILE", description = "The recipe (YAML).")
    Path recipe;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Root of the public data (default: ../shared/data, or $PARAPET_SHARED/data).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/models",
            description = "Where to write NAME.bin, NAME.sha256 and NAME.mof.yaml (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Embedding cache folder (default: parapet-ml-cache under the temporary folder).")
    Path cache;

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int run(PrintWriter out, PrintWriter err) {
        try {
            if (!Files.isRegularFile(recipe)) {
                err.println("no such recipe: " + recipe);
                return 2;
            }
            Recipe r = Recipe.load(recipe);
            Path root = data != null ? data : defaultData();
            if (!Files.isDirectory(root)) {
                err.println("no data folder " + root + " (give --data DIR)");
                return 2;
            }
            ModelTrainer trainer = new ModelTrainer(root, out);
            ModelTrainer.Outcome outcome;
            String recipePath = recipeLabel(recipe);
            if (r.kind().equals("minilm")) {
                try (MiniLmEmbedder embedder = MiniLmEmbedder.load();
                     EmbeddingCache features = new EmbeddingCache(embedder, cache != null ? cache
                             : Path.of(System.getProperty("java.io.tmpdir"), "parapet-ml-cache"))) {
                    outcome = trainer.train(r, recipePath, this.out, features, embedder.sha256());
                    out.println("embedded " + features.computed() + " new texts");
                }
            } else {
                outcome = trainer.train(r, recipePath, this.out, null, null);
            }
            String shipped = shippedChecksum(r.name());
            if (shipped == null) {
                out.println("no shipped model named " + r.name() + " to compare with");
                return 0;
            }
            if (shipped.equals(outcome.sha256())) {
                out.println("identical to the shipped model " + r.name() + " (sha256 " + shipped + ")");
                return 0;
            }
            out.println("differs from the shipped model " + r.name() + " (shipped sha256 " + shipped + ")");
            return 1;
        } catch (YamlException | IllegalArgumentException | ModelLoadException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("I/O error: " + e.getMessage());
            return 2;
        }
    }

    /** Runs the command standalone: {@code java ... TrainCommand --recipe FILE}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new TrainCommand()).execute(args));
    }

    private static Path defaultData() {
        String env = System.getenv("PARAPET_SHARED");
        return env != null ? Path.of(env, "data") : Path.of("..", "shared", "data");
    }

    /** The recipe's path as the manifest records it: relative to the project when it lies inside it. */
    private static String recipeLabel(Path recipe) {
        String s = recipe.toAbsolutePath().normalize().toString().replace('\\', '/');
        int i = s.indexOf("/parapet-ml/recipes/");
        return i >= 0 ? s.substring(i + 1) : recipe.getFileName().toString();
    }

    private static String shippedChecksum(String name) throws IOException {
        try (InputStream in = ModelFile.class.getResourceAsStream(ModelFile.RESOURCE_DIR + name + ".sha256")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
    }
}
