package dev.parapet.ml.train;

import dev.parapet.core.hash.Sha256;
import dev.parapet.ml.embed.MiniLmEmbedder;
import dev.parapet.ml.linear.SparseVector;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Sentence embeddings for training, kept in an append-only file (one per embedding model, named by its
 * checksum) so that a second run does not embed the same texts again. Embeddings are deterministic (one text
 * per run, one thread), so a cached vector equals a fresh one. Not thread-safe; training is single-threaded.
 */
public final class EmbeddingCache implements Featurizer, AutoCloseable {

    private final MiniLmEmbedder embedder;
    private final Map<String, float[]> cache = new HashMap<>();
    private final DataOutputStream out;
    private int computed;

    public EmbeddingCache(MiniLmEmbedder embedder, Path dir) throws IOException {
        this.embedder = embedder;
        Files.createDirectories(dir);
        Path file = dir.resolve("minilm-" + embedder.sha256().substring(0, 16) + ".emb");
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                byte[] key = new byte[32];
                while (true) {
                    try {
                        in.readFully(key);
                        float[] v = new float[MiniLmEmbedder.DIMENSION];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = in.readFloat();
                        }
                        cache.put(HexFormat.of().formatHex(key), v);
                    } catch (EOFException e) {
                        break; // a record cut short by an interrupted run is simply computed again
                    }
                }
            }
        }
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
    }

    @Override
    public int dimension() {
        return MiniLmEmbedder.DIMENSION;
    }

    public int computed() {
        return computed;
    }

    @Override
    public SparseVector vector(String text) {
        String key = Sha256.hex(text);
        float[] v = cache.get(key);
        if (v == null) {
            v = embedder.embed(text);
            cache.put(key, v);
            computed++;
            try {
                out.write(HexFormat.of().parseHex(key));
                for (float f : v) {
                    out.writeFloat(f);
                }
                if (computed % 1000 == 0) {
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the embedding cache: " + e.getMessage(), e);
            }
        }
        return SparseVector.dense(v);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
