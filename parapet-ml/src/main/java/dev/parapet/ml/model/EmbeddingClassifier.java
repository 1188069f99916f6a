package dev.parapet.ml.model;

import dev.parapet.ml.embed.MiniLmEmbedder;
import dev.parapet.ml.linear.SparseVector;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The sentence-embedding model: all-MiniLM-L6-v2 embeddings ({@link MiniLmEmbedder}) into {@link SafetyHeads}.
 * The heads file records the SHA-256 of the ONNX model they were trained on, and loading fails when the
 * embedding model on the classpath is another. Milliseconds per window. Thread-safe.
 */
public final class EmbeddingClassifier implements SafetyClassifier, AutoCloseable {

    public static final String KIND = "minilm";
    /** The shipped default. */
    public static final String DEFAULT_NAME = "minilm-safety";

    private final String name;
    private final MiniLmEmbedder embedder;
    private final SafetyHeads heads;

    public EmbeddingClassifier(String name, MiniLmEmbedder embedder, SafetyHeads heads) {
        this.name = name;
        this.embedder = embedder;
        this.heads = heads;
    }

    /** The shipped default: the embedding model and the heads, both from the classpath. */
    public static EmbeddingClassifier load() {
        return load(ModelFile.openResource(DEFAULT_NAME, KIND), MiniLmEmbedder.load());
    }

    /** Heads from a file, with the embedding model from the classpath. */
    public static EmbeddingClassifier load(Path headsFile) {
        return load(ModelFile.openFile(headsFile, KIND), MiniLmEmbedder.load());
    }

    private static EmbeddingClassifier load(ModelFile.Opened opened, MiniLmEmbedder embedder) {
        try {
            DataInputStream in = opened.body();
            String trainedOn = in.readUTF();
            if (!trainedOn.equals(embedder.sha256())) {
                embedder.close();
                throw new ModelLoadException("model " + opened.name() + " was trained on the embedding model with sha256 "
                        + trainedOn + " but the classpath has " + embedder.sha256());
            }
            return new EmbeddingClassifier(opened.name(), embedder, SafetyHeads.read(in));
        } catch (IOException | IllegalArgumentException e) {
            embedder.close();
            throw new ModelLoadException("model " + opened.name() + ": bad body: " + e.getMessage(), e);
        }
    }

    /** Writes heads trained on the classpath's embedding model; returns the file's checksum. */
    public static String writeHeads(Path dir, String name, SafetyHeads heads, String embeddingSha256)
            throws IOException {
        return ModelFile.write(dir, name, KIND, out -> {
            out.writeUTF(embeddingSha256);
            heads.write(out);
        });
    }

    public SafetyHeads heads() {
        return heads;
    }

    @Override
    public String name() {
        return name;
    }

    /** About 100 tokens of English: the model reads at most 128. */
    @Override
    public int windowChars() {
        return 400;
    }

    @Override
    public SafetyScores score(String text) {
        return heads.score(SparseVector.dense(embedder.embed(text)));
    }

    @Override
    public void close() {
        embedder.close();
    }
}
