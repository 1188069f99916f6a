package dev.parapet.ml.model;

import dev.parapet.ml.features.CharNgramFeatures;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The language-agnostic model: hashed character n-grams ({@link CharNgramFeatures}) into {@link SafetyHeads}.
 * Tens of microseconds per kilobyte. Immutable and thread-safe.
 */
public final class NgramClassifier implements SafetyClassifier {

    public static final String KIND = "ngram";
    /** The shipped default. */
    public static final String DEFAULT_NAME = "ngram-safety";

    private final String name;
    private final CharNgramFeatures features;
    private final SafetyHeads heads;

    public NgramClassifier(String name, CharNgramFeatures features, SafetyHeads heads) {
        if (heads.unsafe().dimension() != features.dimension()) {
            throw new IllegalArgumentException("model " + name + ": head dimension " + heads.unsafe().dimension()
                    + " does not match 2^" + features.bits());
        }
        this.name = name;
        this.features = features;
        this.heads = heads;
    }

    /** The shipped default model from the classpath. */
    public static NgramClassifier load() {
        return load(DEFAULT_NAME);
    }

    public static NgramClassifier load(String name) {
        return read(ModelFile.openResource(name, KIND));
    }

    public static NgramClassifier load(Path file) {
        return read(ModelFile.openFile(file, KIND));
    }

    private static NgramClassifier read(ModelFile.Opened opened) {
        try {
            DataInputStream in = opened.body();
            CharNgramFeatures f = new CharNgramFeatures(in.readInt(), in.readInt(), in.readInt());
            return new NgramClassifier(opened.name(), f, SafetyHeads.read(in));
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException("model " + opened.name() + ": bad body: " + e.getMessage(), e);
        }
    }

    /** Writes this model as {@code dir/NAME.bin} (+ {@code .sha256}); returns the checksum. */
    public String write(Path dir) throws IOException {
        return ModelFile.write(dir, name, KIND, out -> {
            out.writeInt(features.minN());
            out.writeInt(features.maxN());
            out.writeInt(features.bits());
            heads.write(out);
        });
    }

    public CharNgramFeatures features() {
        return features;
    }

    public SafetyHeads heads() {
        return heads;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int windowChars() {
        return 600;
    }

    @Override
    public SafetyScores score(String text) {
        return heads.score(features.vector(text));
    }
}
