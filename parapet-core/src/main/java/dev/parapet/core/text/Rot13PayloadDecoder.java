package dev.parapet.core.text;

import java.util.List;

/**
 * ROT13: when the ROT13 of a text's ASCII letters holds at least two different common English function
 * words and more of them than the text itself, the whole text rotated is a payload. ROT13 is char for
 * char, so its offsets are exact.
 */
final class Rot13PayloadDecoder implements PayloadDecoder {

    static final int MIN_DISTINCT = 2;
    static final int MAX_WORD = 6; // letters packed 5 bits each into an int

    /** Common English function words of up to 6 letters. */
    private static final String[] FUNCTION_WORDS = ("the be to of and in that have it for not on with he as you do"
            + " at this but his by from they we say her she or an will my one all would there their what so up out"
            + " if about who get which go me when make can like no just him know take how your some could them than"
            + " then is are was were been has had did does its our us these those should into over please tell"
            + " write give where why").split(" ");
    /**
     * The packed words, each alone in its slot of a table small enough for the first-level cache: the
     * multiplier of the slot hash is the first (of a fixed sequence) that leaves no two words in one slot.
     * So membership is one multiply, one load and one compare, with no branch: the plain-text screen asks
     * it of every short word of every text.
     */
    private static final int SLOT_BITS = 10;
    private static final int[] TABLE = new int[1 << SLOT_BITS];
    private static final int MULTIPLIER = perfectMultiplier();

    private static int perfectMultiplier() {
        int[] packed = new int[FUNCTION_WORDS.length];
        for (int w = 0; w < packed.length; w++) {
            for (int i = 0; i < FUNCTION_WORDS[w].length(); i++) {
                packed[w] = packed[w] << 5 | (FUNCTION_WORDS[w].charAt(i) - 'a' + 1);
            }
        }
        for (int m = 0x9E3779B9, tries = 0; tries < 1 << 16; m += 0x3C6EF372, tries++) { // odd, the golden ratio's first
            java.util.Arrays.fill(TABLE, 0);
            boolean perfect = true;
            for (int p : packed) {
                int slot = (p * m) >>> (32 - SLOT_BITS);
                if (TABLE[slot] != 0 && TABLE[slot] != p) {
                    perfect = false;
                    break;
                }
                TABLE[slot] = p;
            }
            if (perfect) {
                return m;
            }
        }
        throw new IllegalStateException("no collision-free table for the function words: raise SLOT_BITS");
    }

    @Override
    public Payload.Encoding encoding() {
        return Payload.Encoding.ROT13;
    }

    @Override
    public void decode(String text, DecodeBudget budget, List<Run> out) {
        int n = text.length();
        int plain = 0;
        int rotated = 0;
        int firstRotated = 0;
        boolean distinct = false;
        for (int i = 0; i < n; ) {
            if (!Chars.isAsciiLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int word = 0;
            int rotWord = 0;
            while (i < n && Chars.isAsciiLetter(text.charAt(i))) {
                if (i - start < MAX_WORD) {
                    int letter = (text.charAt(i) | 0x20) - 'a';
                    int rot = letter < 13 ? letter + 13 : letter - 13;
                    word = word << 5 | (letter + 1);
                    rotWord = rotWord << 5 | (rot + 1);
                }
                i++;
            }
            if (i - start <= MAX_WORD) {
                plain += contains(word) ? 1 : 0;
                if (contains(rotWord)) {
                    rotated++;
                    if (firstRotated == 0) {
                        firstRotated = rotWord;
                    } else if (rotWord != firstRotated) {
                        distinct = true;
                    }
                }
            }
        }
        if (rotated < MIN_DISTINCT || !distinct || rotated <= plain || !budget.allows(n)) {
            return;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < n; i++) {
            chars[i] = rot13(chars[i]);
        }
        budget.take(n);
        out.add(new Run(encoding(), 0, n, MappedText.positional(new String(chars))));
    }

    static char rot13(char c) {
        if (c >= 'a' && c <= 'z') {
            return (char) ('a' + (c - 'a' + 13) % 26);
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) ('A' + (c - 'A' + 13) % 26);
        }
        return c;
    }

    /** Whether {@code packed} (a word of up to {@link #MAX_WORD} letters, 5 bits each) is a function word. */
    static boolean contains(int packed) {
        return TABLE[(packed * MULTIPLIER) >>> (32 - SLOT_BITS)] == packed;
    }
}
