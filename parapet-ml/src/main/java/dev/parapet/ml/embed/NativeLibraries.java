package dev.parapet.ml.embed;

import dev.parapet.core.hash.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Puts ONNX Runtime's native libraries in one known folder before ONNX Runtime loads, instead of the fresh
 * temporary folder it would make (and leave behind) in every process. The folder is the system property
 * {@code parapet.ml.native.dir}, else {@code parapet-onnxruntime-CHECKSUM} under {@code java.io.tmpdir} (named by
 * the libraries' SHA-256); it is reused across runs. A user who already has the libraries sets {@code onnxruntime.native.path} and nothing
 * is copied.
 */
final class NativeLibraries {

    static final String DIR_PROPERTY = "parapet.ml.native.dir";
    private static final String ORT_PATH_PROPERTY = "onnxruntime.native.path";

    private NativeLibraries() {
    }

    static synchronized void prepare() {
        if (System.getProperty(ORT_PATH_PROPERTY) != null) {
            return;
        }
        String platform = platform();
        if (platform == null) {
            return; // an unusual platform: let ONNX Runtime find its own way
        }
        String ext = platform.startsWith("osx") ? ".dylib" : platform.startsWith("win") ? ".dll" : ".so";
        String prefix = platform.startsWith("win") ? "" : "lib";
        String[] names = {prefix + "onnxruntime" + ext, prefix + "onnxruntime4j_jni" + ext};
        byte[][] libs = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            String resource = "/ai/onnxruntime/native/" + platform + "/" + names[i];
            try (InputStream in = ai.onnxruntime.OrtEnvironment.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return; // not bundled for this platform: let ONNX Runtime find its own way
                }
                libs[i] = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ONNX Runtime's " + resource + ": " + e.getMessage(), e);
            }
        }
        // named by the libraries' checksum, so two versions never share a folder and one version always reuses its own
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, Path.of(System.getProperty("java.io.tmpdir"),
                "parapet-onnxruntime-" + Sha256.hex(libs[0]).substring(0, 12)).toString()));
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < names.length; i++) {
                Path target = dir.resolve(names[i]);
                if (!Files.isRegularFile(target) || Files.size(target) != libs[i].length) {
                    // write then move, so a concurrent process never loads a half-written library
                    Path tmp = Files.createTempFile(dir, names[i], ".part");
                    Files.write(tmp, libs[i]);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare ONNX Runtime's native libraries in " + dir + " (set "
                    + DIR_PROPERTY + " to a writable folder): " + e.getMessage(), e);
        }
        System.setProperty(ORT_PATH_PROPERTY, dir.toString());
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        if (a == null) {
            return null;
        }
        if (os.contains("linux")) {
            return "linux-" + a;
        }
        if (os.contains("mac")) {
            return "osx-" + a;
        }
        return os.contains("win") ? "win-" + a : null;
    }
}
