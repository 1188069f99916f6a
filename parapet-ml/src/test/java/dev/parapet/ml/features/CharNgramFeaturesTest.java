package dev.parapet.ml.features;

import dev.parapet.ml.linear.SparseVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CharNgramFeaturesTest {

    private final CharNgramFeatures f = new CharNgramFeatures(1, 5, 18);

    @Test
    void foldsCaseWidthAndWhitespace() {
        assertThat(CharNgramFeatures.fold("  ＨＥＬＬＯ\t\n World ")).isEqualTo(" hello world ");
        assertThat(CharNgramFeatures.fold("")).isEqualTo(" ");
    }

    @Test
    void sameFoldedTextGivesTheSameVector() {
        SparseVector a = f.vector("Hello World");
        SparseVector b = f.vector("HELLO   world");
        assertThat(a.indices()).isEqualTo(b.indices());
        assertThat(a.values()).isEqualTo(b.values());
    }

    @Test
    void countsEveryNgramOnceWithLogWeightsAtUnitLength() {
        SparseVector v = new CharNgramFeatures(1, 1, 16).vector("aab");
        // " aab " has the 1-grams ' ' x2, 'a' x2, 'b' x1
        assertThat(v.size()).isEqualTo(3);
        double norm = 0;
        for (float x : v.values()) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1, within(1e-6));
    }

    @Test
    void worksOnScriptsWithoutSpacesAndOnHostileInput() {
        assertThat(f.vector("你好世界，今天天气很好").size()).isGreaterThan(20);
        // " aaa…a " has 14 distinct n-grams of length 1 to 5 (fewer only if two hash alike)
        assertThat(f.vector("a".repeat(100_000)).size()).isBetween(12, 14);
    }

    @Property(tries = 200)
    void indicesStayInsideTheDimension(@ForAll String text) {
        SparseVector v = f.vector(text);
        for (int i : v.indices()) {
            assertThat(i).isBetween(0, f.dimension() - 1);
        }
    }
}
