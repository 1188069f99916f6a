package dev.parapet.ml.embed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MiniLmEmbedderTest {

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.load();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void embeddingsAreUnitLengthAndTheSameEveryTime() {
        float[] a = embedder.embed("The cat sat on the mat.");
        assertThat(a).hasSize(MiniLmEmbedder.DIMENSION);
        assertThat(cosine(a, a)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
        embedder.embed("Something else entirely, to change the session's state.");
        assertThat(embedder.embed("The cat sat on the mat.")).isEqualTo(a);
        assertThat(embedder.sha256()).hasSize(64);
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        float[] cat = embedder.embed("A cat is sleeping on the sofa.");
        float[] kitten = embedder.embed("A kitten naps on the couch.");
        float[] tax = embedder.embed("How do I file my income tax return?");
        assertThat(cosine(cat, kitten)).isGreaterThan(cosine(cat, tax) + 0.2);
    }

    @Test
    void emptyAndHugeTextsAreFine() {
        assertThat(embedder.embed("")).hasSize(MiniLmEmbedder.DIMENSION);
        assertThat(embedder.embed("word ".repeat(50_000))).hasSize(MiniLmEmbedder.DIMENSION);
    }
}
