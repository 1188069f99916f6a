package dev.parapet.ml.features;

import com.ibm.icu.text.Normalizer2;
import dev.parapet.ml.linear.SparseVector;

import java.util.Arrays;

/**
 * Hashed character n-grams of a folded text: NFKC case folding, every run of whitespace as one space, the
 * text framed by spaces; each n-gram of {@code minN..maxN} code points is hashed (MurmurHash3's mixer) to one
 * of {@code 2^bits} features. Values are {@code 1 + ln(count)}, scaled to unit length. Language-agnostic:
 * no word splitting, so scripts without spaces work the same.
 *
 * <p>Folding is done here rather than taken from the pipeline's normaliser so that a model's features never
 * change when the normaliser changes; a trained model stays reproducible. Immutable and thread-safe.
 */
public record CharNgramFeatures(int minN, int maxN, int bits) {

    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();
    /** {@code 1 + ln(count)} for small counts, exactly as computed otherwise: most n-grams occur once or twice. */
    private static final float[] LOG_COUNT = new float[256];

    static {
        for (int c = 1; c < LOG_COUNT.length; c++) {
            LOG_COUNT[c] = (float) (1 + Math.log(c));
        }
    }

    public CharNgramFeatures {
        if (minN < 1 || maxN < minN || maxN > 8 || bits < 8 || bits > 24) {
            throw new IllegalArgumentException("bad n-gram settings: n " + minN + ".." + maxN + ", bits " + bits);
        }
    }

    public int dimension() {
        return 1 << bits;
    }

    /** NFKC case folding with whitespace runs collapsed to one space and the ends framed by one space. */
    public static String fold(CharSequence text) {
        String normalized = FOLD.normalize(text);
        int[] cps = new int[normalized.length() + 2];
        return new String(cps, 0, foldedCodePoints(normalized, cps));
    }

    /**
     * The code points of {@link #fold} of a text already NFKC-case-folded, into {@code out} (at least two
     * longer than it); returns how many. No supplementary code point is whitespace, and a lone surrogate
     * stays itself.
     */
    private static int foldedCodePoints(String normalized, int[] out) {
        int len = 0;
        out[len++] = ' ';
        boolean space = true;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!space) {
                    out[len++] = ' ';
                    space = true;
                }
            } else {
                out[len++] = cp;
                space = false;
            }
        }
        if (!space) {
            out[len++] = ' ';
        }
        return len;
    }

    /** The feature vector of a text (folded here). */
    public SparseVector vector(CharSequence text) {
        // The code points of fold(text), each then through MurmurHash3's key scramble, which every n-gram
        // starting at or before it would otherwise redo.
        String normalized = FOLD.normalize(text);
        int[] keys = new int[normalized.length() + 2];
        int len = foldedCodePoints(normalized, keys);
        for (int i = 0; i < len; i++) {
            keys[i] = scramble(keys[i]);
        }
        // n-grams by length rather than by start: state[i] is the running hash of the n-gram starting at i, one
        // mixing step longer each round. Flat loops over arrays that the JIT unrolls and vectorises; the order of
        // the hashes differs from start-by-start, but they are sorted next.
        int[] hashes = new int[len * (maxN - minN + 1)];
        int[] state = new int[len];
        Arrays.fill(state, 0x9747b28c);
        int count = 0;
        int mask = dimension() - 1;
        for (int n = 1; n <= maxN; n++) {
            int starts = len - n + 1;
            for (int i = 0; i < starts; i++) {
                state[i] = mix(state[i], keys[i + n - 1]);
            }
            if (n >= minN) {
                for (int i = 0; i < starts; i++) {
                    hashes[count + i] = fmix(state[i] ^ n) & mask;
                }
                count += Math.max(starts, 0);
            }
        }
        radixSort(hashes, count, bits);
        // Runs of equal hashes become one feature: indices in place at the front of hashes, counts beside them.
        int[] counts = new int[count];
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || hashes[i] != hashes[distinct - 1]) {
                hashes[distinct++] = hashes[i];
            }
            counts[distinct - 1]++;
        }
        float[] val = new float[distinct];
        double norm = 0;
        for (int i = 0; i < distinct; i++) {
            // capped where the float counts of earlier versions stopped (2^24 + 1 rounds to 2^24): same features
            int c = Math.min(counts[i], 1 << 24);
            val[i] = c < LOG_COUNT.length ? LOG_COUNT[c] : (float) (1 + Math.log(c));
            norm += val[i] * val[i];
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < distinct; i++) {
                val[i] *= inv;
            }
        }
        return new SparseVector(Arrays.copyOf(hashes, distinct), val);
    }

    /**
     * Sorts the first {@code count} values, each below {@code 2^bits}, ascending: a least-significant-digit radix
     * sort in passes of up to 12 bits. Written by hand because it is the featuriser's hot loop and the JDK has no
     * radix sort: it is several times faster than {@link Arrays#sort(int[], int, int)} on the few thousand hashes of
     * a window, and gives the same order (the values are plain ints).
     */
    static void radixSort(int[] a, int count, int bits) {
        if (count < 64) {
            Arrays.sort(a, 0, count);
            return;
        }
        int passes = (bits + 11) / 12;
        int digit = (bits + passes - 1) / passes;
        int[] buckets = new int[1 << digit];
        int[] src = a;
        int[] dst = new int[count];
        for (int p = 0; p < passes; p++) {
            int shift = p * digit;
            int mask = (1 << digit) - 1;
            Arrays.fill(buckets, 0);
            for (int i = 0; i < count; i++) {
                buckets[(src[i] >>> shift) & mask]++;
            }
            int sum = 0;
            for (int b = 0; b < buckets.length; b++) {
                int c = buckets[b];
                buckets[b] = sum;
                sum += c;
            }
            for (int i = 0; i < count; i++) {
                int v = src[i];
                dst[buckets[(v >>> shift) & mask]++] = v;
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, count);
        }
    }

    /** MurmurHash3's scramble of one key, the part of its mixing step that depends on the key alone. */
    private static int scramble(int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        return k * 0x1b873593;
    }

    /** MurmurHash3's mixing step with an already {@link #scramble scrambled} key. */
    private static int mix(int h, int scrambled) {
        h ^= scrambled;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
