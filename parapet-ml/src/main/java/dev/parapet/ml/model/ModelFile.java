package dev.parapet.ml.model;

import dev.parapet.core.hash.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A model's bytes on disk or on the classpath: gzip over a tagged binary body, with the SHA-256 of the file
 * kept beside it ({@code NAME.bin} and {@code NAME.sha256}). Loading checks the checksum before reading, so a
 * missing or corrupt file fails at load with the model's name and both checksums.
 */
public final class ModelFile {

    private static final String MAGIC = "PARAPET-ML/1";
    /** Where the shipped models live on the classpath. */
    public static final String RESOURCE_DIR = "/dev/parapet/ml/models/";

    private ModelFile() {
    }

    /** Something that writes a model's body. */
    @FunctionalInterface
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** The parsed header and the stream positioned at the body. */
    public record Opened(String name, String kind, DataInputStream body) {
    }

    /** Writes {@code dir/NAME.bin} and {@code dir/NAME.sha256}; returns the checksum. Same input, same bytes. */
    public static String write(Path dir, String name, String kind, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // a fixed header (no file name, no time) keeps the gzip output identical from run to run
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF(MAGIC);
            out.writeUTF(name);
            out.writeUTF(kind);
            body.write(out);
        }
        byte[] data = bytes.toByteArray();
        String sha = Sha256.hex(data);
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".bin"), data);
        Files.writeString(dir.resolve(name + ".sha256"), sha + "\n", StandardCharsets.UTF_8);
        return sha;
    }

    /** Opens a shipped model from the classpath, checking its checksum and kind. */
    public static Opened openResource(String name, String kind) {
        String expected;
        try (InputStream in = ModelFile.class.getResourceAsStream(RESOURCE_DIR + name + ".sha256")) {
            if (in == null) {
                throw new ModelLoadException("model " + name + ": checksum file " + RESOURCE_DIR + name
                        + ".sha256 is missing from the classpath");
            }
            expected = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new ModelLoadException("model " + name + ": cannot read its checksum: " + e.getMessage(), e);
        }
        byte[] data;
        try (InputStream in = ModelFile.class.getResourceAsStream(RESOURCE_DIR + name + ".bin")) {
            if (in == null) {
                throw new ModelLoadException("model " + name + " (sha256 " + expected + "): file " + RESOURCE_DIR
                        + name + ".bin is missing from the classpath");
            }
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelLoadException("model " + name + " (sha256 " + expected + "): cannot read: "
                    + e.getMessage(), e);
        }
        return open(name, kind, data, expected);
    }

    /** Opens a model file from disk, checking it against the {@code .sha256} file beside it. */
    public static Opened openFile(Path bin, String kind) {
        String file = bin.getFileName().toString();
        String name = file.endsWith(".bin") ? file.substring(0, file.length() - 4) : file;
        Path shaFile = bin.resolveSibling(name + ".sha256");
        try {
            if (!Files.isRegularFile(bin)) {
                throw new ModelLoadException("model " + name + ": no such file " + bin);
            }
            String expected = Files.isRegularFile(shaFile) ? Files.readString(shaFile).trim() : null;
            if (expected == null) {
                throw new ModelLoadException("model " + name + ": checksum file " + shaFile + " is missing");
            }
            return open(name, kind, Files.readAllBytes(bin), expected);
        } catch (IOException e) {
            throw new ModelLoadException("model " + name + ": cannot read " + bin + ": " + e.getMessage(), e);
        }
    }

    static Opened open(String name, String kind, byte[] data, String expected) {
        String actual = Sha256.hex(data);
        if (!actual.equals(expected)) {
            throw new ModelLoadException("model " + name + " is corrupt: sha256 " + actual + ", expected " + expected);
        }
        try {
            DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(data)));
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new ModelLoadException("model " + name + " (sha256 " + actual + "): not a Parapet model file");
            }
            String storedName = in.readUTF();
            String storedKind = in.readUTF();
            if (!storedKind.equals(kind)) {
                throw new ModelLoadException("model " + name + " (sha256 " + actual + ") is a '" + storedKind
                        + "' model, not '" + kind + "'");
            }
            return new Opened(storedName, storedKind, in);
        } catch (IOException e) {
            throw new ModelLoadException("model " + name + " (sha256 " + actual + "): unreadable: " + e.getMessage(), e);
        }
    }
}
