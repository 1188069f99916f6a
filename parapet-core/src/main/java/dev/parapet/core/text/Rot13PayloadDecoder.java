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
    /** The packed words in an open-addressing table (0 is empty; a packed word is never 0). */
    private static final int[] TABLE = new int[256];
    /**
     * One bit per 16-bit hash of a packed word, set for the table's words: nearly every other word is
     * turned away by one bit test, not a walk of the table (the plain-text screen asks about every short word).
     */
    private static final long[] FILTER = new long[1 << 10];

    static {
        for (String word : FUNCTION_WORDS) {
            int packed = 0;
            for (int i = 0; i < word.length(); i++) {
                packed = packed << 5 | (word.charAt(i) - 'a' + 1);
            }
            int slot = slot(packed);
            while (TABLE[slot] != 0) {
                slot = (slot + 1) & (TABLE.length - 1);
            }
            TABLE[slot] = packed;
            int h = filterHash(packed);
            FILTER[h >>> 6] |= 1L << h;
        }
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
        out.add(new Run(Payload.Encoding.ROT13, 0, n, MappedText.positional(new String(chars))));
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

    static boolean contains(int packed) {
        int h = filterHash(packed);
        if ((FILTER[h >>> 6] & 1L << h) == 0) {
            return false;
        }
        for (int slot = slot(packed); TABLE[slot] != 0; slot = (slot + 1) & (TABLE.length - 1)) {
            if (TABLE[slot] == packed) {
                return true;
            }
        }
        return false;
    }

    private static int filterHash(int packed) {
        return (packed * 0x9E3779B9) >>> 16;
    }

    private static int slot(int packed) {
        return (packed * 0x9E3779B9) >>> 24;
    }
}
