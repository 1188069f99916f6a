package dev.parapet.ml.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSameBytesTwiceAndReadsThemBack() throws Exception {
        String a = ModelFile.write(dir.resolve("a"), "m", "ngram", out -> out.writeInt(42));
        String b = ModelFile.write(dir.resolve("b"), "m", "ngram", out -> out.writeInt(42));
        assertThat(a).isEqualTo(b).hasSize(64);
        assertThat(Files.readString(dir.resolve("a/m.sha256")).trim()).isEqualTo(a);
        ModelFile.Opened o = ModelFile.openFile(dir.resolve("a/m.bin"), "ngram");
        assertThat(o.name()).isEqualTo("m");
        assertThat(o.body().readInt()).isEqualTo(42);
    }

    @Test
    void aCorruptFileFailsAtLoadWithItsNameAndBothChecksums() throws Exception {
        String sha = ModelFile.write(dir, "m", "ngram", out -> out.writeInt(42));
        byte[] bytes = Files.readAllBytes(dir.resolve("m.bin"));
        bytes[bytes.length / 2] ^= 1;
        Files.write(dir.resolve("m.bin"), bytes);
        assertThatThrownBy(() -> ModelFile.openFile(dir.resolve("m.bin"), "ngram"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model m is corrupt").hasMessageContaining("expected " + sha);
    }

    @Test
    void missingFilesAndWrongKindsFailClearly() throws Exception {
        assertThatThrownBy(() -> ModelFile.openFile(dir.resolve("none.bin"), "ngram"))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("model none: no such file");
        ModelFile.write(dir, "m", "ngram", out -> out.writeInt(1));
        assertThatThrownBy(() -> ModelFile.openFile(dir.resolve("m.bin"), "minilm"))
                .hasMessageContaining("is a 'ngram' model, not 'minilm'");
        assertThatThrownBy(() -> ModelFile.openResource("no-such-model", "ngram"))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("no-such-model");
    }

    @Test
    void aTruncatedBodyIsReportedAsABadModel() throws Exception {
        ModelFile.write(dir, "m", "ngram", out -> out.writeInt(7));
        assertThatThrownBy(() -> NgramClassifier.load(dir.resolve("m.bin")))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("model m: bad body");
    }
}
