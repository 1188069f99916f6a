package dev.parapet.ml.train;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages write the tiny data set. */
public final class TinyDataAccess {

    private TinyDataAccess() {
    }

    public static Path write(Path root) throws IOException {
        return TinyData.write(root, 12);
    }
}
