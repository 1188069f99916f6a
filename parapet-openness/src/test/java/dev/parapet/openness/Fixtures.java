package dev.parapet.openness;

import dev.parapet.openness.assess.Assessment;
import dev.parapet.openness.assess.OpennessAssessor;
import dev.parapet.openness.license.LicenseKnowledge;
import dev.parapet.openness.read.RecordReaders;
import org.junit.jupiter.api.Assumptions;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared test helpers: fixtures from the class path, the shared data directory, one loaded knowledge base. */
public final class Fixtures {

    public static final LicenseKnowledge LICENSES = LicenseKnowledge.load();
    public static final OpennessAssessor ASSESSOR = new OpennessAssessor(LICENSES, null);
    public static final RecordReaders READERS = new RecordReaders();

    private Fixtures() {
    }

    public static Path fixture(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Assessment assess(String fixture) {
        return ASSESSOR.assess(READERS.read(fixture(fixture)));
    }

    /** The openness data under ../shared, or a skipped test when it is absent. */
    public static Path shared(String sub) {
        String root = System.getProperty("parapet.shared", "../shared");
        Path p = Path.of(root, "data", "openness", sub);
        Assumptions.assumeTrue(Files.exists(p), "shared openness data absent (" + p + "); skipping");
        return p;
    }
}
