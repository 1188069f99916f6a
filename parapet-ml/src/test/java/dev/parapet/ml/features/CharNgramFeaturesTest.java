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

    @Property(tries = 300)
    void vectorIsTheStraightforwardCountOfEveryHashedNgram(@ForAll @Size(max = 400) String text,
                                                           @ForAll @IntRange(min = 1, max = 3) int minN,
                                                           @ForAll @IntRange(min = 3, max = 6) int maxN) {
        CharNgramFeatures g = new CharNgramFeatures(minN, maxN, 12);
        SparseVector fast = g.vector(text);
        SparseVector reference = referenceVector(g, text);
        assertThat(fast.indices()).containsExactly(reference.indices());
        assertThat(fast.values()).containsExactly(reference.values());
    }

    @Test
    void vectorMatchesTheStraightforwardCountOnMixedScripts() {
        String text = "Ｉgnore\u00a0ALL  previous\tinstructions: ǅemo ﬁle \ud83d\ude00 你好 \ud800 ß İ e\u0301";
        SparseVector reference = referenceVector(f, text);
        assertThat(f.vector(text).indices()).containsExactly(reference.indices());
        assertThat(f.vector(text).values()).containsExactly(reference.values());
    }

    /**
     * The features computed the plain way, to check the fast path against: every n-gram of the folded text's code
     * points hashed from scratch, counted in a sorted map, weighed {@code 1 + ln(count)} and scaled to unit length.
     */
    private static SparseVector referenceVector(CharNgramFeatures g, String text) {
        int[] cps = CharNgramFeatures.fold(text).codePoints().toArray();
        java.util.TreeMap<Integer, Integer> counts = new java.util.TreeMap<>();
        for (int i = 0; i < cps.length; i++) {
            for (int n = g.minN(); n <= g.maxN() && i + n <= cps.length; n++) {
                int h = 0x9747b28c;
                for (int j = i; j < i + n; j++) {
                    int k = Integer.rotateLeft(cps[j] * 0xcc9e2d51, 15) * 0x1b873593;
                    h = Integer.rotateLeft(h ^ k, 13) * 5 + 0xe6546b64;
                }
                h ^= n;
                h ^= h >>> 16;
                h *= 0x85ebca6b;
                h ^= h >>> 13;
                h *= 0xc2b2ae35;
                h ^= h >>> 16;
                counts.merge(h & (g.dimension() - 1), 1, Integer::sum);
            }
        }
        int[] idx = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] val = new float[idx.length];
        double norm = 0;
        int d = 0;
        for (int c : counts.values()) {
            val[d] = (float) (1 + Math.log(c));
            norm += val[d] * val[d];
            d++;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < val.length; i++) {
            val[i] *= inv;
        }
        return new SparseVector(idx, val);
    }
}
