package dev.parapet.detect.lexicon;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Locates the shared evaluation data; tests that need it skip when it is absent. */
final class SharedData {

    private SharedData() {
    }

    /** The shared data file or folder at {@code relative}, or a skipped test when it is not there. */
    static Path require(String relative) {
        String root = System.getProperty("parapet.shared");
        assumeTrue(root != null && !root.isBlank(), "system property parapet.shared is not set: skipping");
        Path path = Path.of(root).resolve(relative);
        assumeTrue(Files.exists(path), "shared data " + path + " is absent: skipping");
        return path;
    }
}
