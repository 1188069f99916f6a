package dev.parapet.detect.pii;

/** Measures how random a token looks. */
final class Entropy {

    private Entropy() {
    }

    /** Shannon entropy in bits per char of {@code s[from, to)}, counting chars above U+007F as one symbol. */
    static double shannon(CharSequence s, int from, int to) {
        int length = to - from;
        if (length <= 0) {
            return 0;
        }
        int[] counts = new int[129];
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            counts[c < 128 ? c : 128]++;
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        return bits;
    }

    /** How many distinct chars {@code s[from, to)} holds, counting chars above U+007F as one. */
    static int distinct(CharSequence s, int from, int to) {
        boolean[] seen = new boolean[129];
        int distinct = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            int slot = c < 128 ? c : 128;
            if (!seen[slot]) {
                seen[slot] = true;
                distinct++;
            }
        }
        return distinct;
    }

    /** Which of lower case, upper case, digits and other chars occur, as a count of classes 0..4. */
    static int classes(CharSequence s, int from, int to) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (Chars.isAsciiLower(c)) {
                lower = true;
            } else if (Chars.isAsciiUpper(c)) {
                upper = true;
            } else if (Chars.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /**
     * True when most of the token sits in runs of four or more lower-case letters, as in identifiers
     * made of words ({@code AbstractSingletonProxyFactoryBean2}). Random base62 rarely has such runs:
     * a lower-case letter follows another with probability 0.4, so runs of four are uncommon.
     */
    static boolean wordLike(CharSequence s, int from, int to) {
        int inWords = 0;
        int run = 0;
        for (int k = from; k <= to; k++) {
            if (k < to && Chars.isAsciiLower(s.charAt(k))) {
                run++;
                continue;
            }
            if (run >= 4) {
                inWords += run;
            }
            run = 0;
        }
        return inWords * 10 >= (to - from) * 4;
    }
}
