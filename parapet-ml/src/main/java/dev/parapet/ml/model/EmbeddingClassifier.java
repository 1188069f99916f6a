package dev.parapet.ml.model;

import dev.parapet.ml.embed.MiniLmEmbedder;
import dev.parapet.ml.linear.SparseVector;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sentence-embedding model: all-MiniLM-L6-v2 embeddings ({@link MiniLmEmbedder}) into {@link SafetyHeads},
 * and, where the model file has them, the training texts' embeddings as exemplars ({@link ExemplarIndex}): the
 * unsafe score is then the mean of the head's calibrated score and the nearest exemplars' vote, and each
 * category's probability the mean of the category head's and the exemplars' category vote. The file records
 * the SHA-256 of the ONNX model it was trained on, and loading fails when the embedding model on the classpath is
 * another. Milliseconds per window. Thread-safe.
 */
public final class EmbeddingClassifier implements SafetyClassifier, AutoCloseable {

    public static final String KIND = "minilm";
    /** The shipped default. */
    public static final String DEFAULT_NAME = "minilm-safety";

    private final String name;
    private final MiniLmEmbedder embedder;
    private final SafetyHeads heads;
    private final Optional<ExemplarIndex> exemplars;

    public EmbeddingClassifier(String name, MiniLmEmbedder embedder, SafetyHeads heads,
                               Optional<ExemplarIndex> exemplars) {
        this.name = name;
        this.embedder = embedder;
        this.heads = heads;
        this.exemplars = exemplars;
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
            SafetyHeads heads = SafetyHeads.read(in);
            Optional<ExemplarIndex> exemplars;
            try {
                exemplars = in.readBoolean() ? Optional.of(ExemplarIndex.read(in)) : Optional.empty();
            } catch (EOFException e) {
                exemplars = Optional.empty(); // a file written before exemplars existed
            }
            int categories = exemplars.map(ExemplarIndex::categories).orElse(0);
            if (categories != 0 && categories != heads.categories().size()) {
                throw new IOException("the exemplars know " + categories + " categories, the category head "
                        + heads.categories().size());
            }
            return new EmbeddingClassifier(opened.name(), embedder, heads, exemplars);
        } catch (IOException | IllegalArgumentException e) {
            embedder.close();
            throw new ModelLoadException("model " + opened.name() + ": bad body: " + e.getMessage(), e);
        }
    }

    /** Writes heads (and exemplars) trained on the classpath's embedding model; returns the file's checksum. */
    public static String write(Path dir, String name, SafetyHeads heads, Optional<ExemplarIndex> exemplars,
                               String embeddingSha256) throws IOException {
        return ModelFile.write(dir, name, KIND, out -> {
            out.writeUTF(embeddingSha256);
            heads.write(out);
            out.writeBoolean(exemplars.isPresent());
            if (exemplars.isPresent()) {
                exemplars.get().write(out);
            }
        });
    }

    /**
     * The scores of heads and exemplars together for one embedding: the unsafe score the mean of the head's and the
     * exemplars' vote, each category's probability the mean of the category head's and the exemplars' category
     * vote (the head's alone where no near exemplar has a category, or without exemplars).
     */
    public static SafetyScores blend(SafetyHeads heads, Optional<ExemplarIndex> exemplars, float[] embedding) {
        SafetyScores head = heads.score(SparseVector.dense(embedding));
        if (exemplars.isEmpty()) {
            return head;
        }
        ExemplarIndex.Vote vote = exemplars.get().vote(embedding);
        double unsafe = (head.unsafe() + vote.unsafe()) / 2;
        if (vote.categories().length == 0) {
            return new SafetyScores(unsafe, head.categories());
        }
        Map<String, Double> categories = new LinkedHashMap<>();
        List<String> names = heads.categories();
        for (int c = 0; c < names.size(); c++) {
            categories.put(names.get(c), (head.categories().get(names.get(c)) + vote.categories()[c]) / 2);
        }
        return new SafetyScores(unsafe, categories);
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

    public Optional<ExemplarIndex> exemplars() {
        return exemplars;
    }

    @Override
    public SafetyScores score(String text) {
        return blend(heads, exemplars, embedder.embed(text));
    }

    @Override
    public void close() {
        embedder.close();
    }
}
