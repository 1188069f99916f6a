package dev.parapet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Project-written benchmark inputs, shipped as resources. */
final class Inputs {

    private Inputs() {
    }

    static String text(String name) {
        try (InputStream in = Inputs.class.getResourceAsStream("/dev/parapet/bench/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark input " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
