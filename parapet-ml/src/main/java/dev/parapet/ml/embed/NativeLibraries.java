package dev.parapet.ml.embed;

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
 * {@code parapet.ml.native.dir}, else {@code parapet-onnxruntime-VERSION} under {@code java.io.tmpdir}; it is
 * reused across runs. A user who already has the libraries sets {@code onnxruntime.native.path} and nothing
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
        String version = ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion();
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, Path.of(System.getProperty("java.io.tmpdir"),
                "parapet-onnxruntime-" + (version == null ? "dev" : version)).toString()));
        String ext = platform.startsWith("osx") ? ".dylib" : platform.startsWith("win") ? ".dll" : ".so";
        String prefix = platform.startsWith("win") ? "" : "lib";
        try {
            Files.createDirectories(dir);
            for (String lib : new String[]{"onnxruntime", "onnxruntime4j_jni"}) {
                String name = prefix + lib + ext;
                String resource = "/ai/onnxruntime/native/" + platform + "/" + name;
                try (InputStream in = ai.onnxruntime.OrtEnvironment.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return;
                    }
                    Path target = dir.resolve(name);
                    byte[] bytes = in.readAllBytes();
                    if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
                        // write then move, so a concurrent process never loads a half-written library
                        Path tmp = Files.createTempFile(dir, name, ".part");
                        Files.write(tmp, bytes);
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
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
