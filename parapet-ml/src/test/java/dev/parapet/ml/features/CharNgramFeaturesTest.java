package dev.parapet.ml.features;

import dev.parapet.ml.linear.SparseVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

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

    @Property(tries = 300)
    void radixSortOrdersLikeArraysSort(@ForAll @IntRange(min = 8, max = 24) int bits,
                                       @ForAll @Size(max = 5000) List<@IntRange(min = 0) Integer> raw) {
        int[] a = raw.stream().mapToInt(v -> v & ((1 << bits) - 1)).toArray();
        int[] expected = a.clone();
        Arrays.sort(expected);
        int[] padded = Arrays.copyOf(a, a.length + 3);
        CharNgramFeatures.radixSort(padded, a.length, bits);
        assertThat(Arrays.copyOf(padded, a.length)).containsExactly(expected);
    }

    @Test
    void repeatedNgramsWeighOnePlusTheLogOfTheirCount() {
        // " ab ab ab cd ": " a", "ab" and "b " occur 3 times, " c", "cd" and "d " once: weights 1 + ln 3 and 1.
        SparseVector v = new CharNgramFeatures(2, 2, 18).vector("ab ab ab cd");
        double max = 0;
        double min = Double.MAX_VALUE;
        for (float x : v.values()) {
            max = Math.max(max, x);
            min = Math.min(min, x);
        }
        assertThat(max / min).isCloseTo(1 + Math.log(3), within(1e-6));
    }
}
