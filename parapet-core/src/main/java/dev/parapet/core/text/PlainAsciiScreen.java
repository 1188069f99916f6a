package dev.parapet.core.text;

import java.util.function.Predicate;

/**
 * Proves, in one pass and without building any view, that {@link UnicodeNormalizer} leaves a text plain:
 * the text is printable ASCII (tab and line breaks allowed), and nothing in it can start a normalisation
 * step or a payload decoder. Conservative: it answers {@code true} only when the analysis is certainly
 * plain, and may answer {@code false} for a text that turns out plain anyway (then the caller takes the
 * full path, which is always right).
 *
 * <p>What it refuses, one rule per step of the ASCII path: other chars (invisible or non-ASCII); a run of
 * three equal chars once lowercased, digits excepted (squeezing); a word holding a letter and a leet char
 * (a digit or symbol that stands for a letter, "!" and "|" only inside the word); three words in a row,
 * each one letter or digit (maybe repeated), two of them letters, linked by one separator char (letters
 * written apart). A text that holds something a payload decoder might start on (a run of 16 base64 chars,
 * 16 hex digits linked by hex separators, three "%", two words whose ROT13 is a common English word) is
 * handed to the decoders themselves, which must decode nothing. The property tests run the normaliser
 * itself against it.
 */
final class PlainAsciiScreen {

    /** Base64 runs shorter than this are never decoded (the decoder's own minimum). */
    private static final int BASE64_RUN = 16;
    /** Hex payloads hold at least 8 bytes. */
    private static final int HEX_DIGITS = 16;
    private static final int PERCENTS = 3;
    private static final int ROTATED_WORDS = 2;
    private static final int ROT13_MAX_WORD = 6;
    private static final int SPLIT_CHAIN = 3;

    // What each ASCII char is, looked up once per char instead of asked of each predicate in turn.
    private static final int TOKEN = 1;
    private static final int BASE64 = 2;
    private static final int HEX = 4;
    private static final int HEX_LINK = 8;
    private static final int LETTER = 16;
    private static final int SEPARATOR = 32;
    private static final byte[] ASCII = asciiFlags();

    private static byte[] asciiFlags() {
        byte[] flags = new byte[128];
        for (char c = 0; c < 128; c++) {
            flags[c] = (byte) ((Chars.isWordChar(c) || Leet.isFlankedOnly(c) ? TOKEN : 0)
                    | (isBase64(c) ? BASE64 : 0) | (hexDigit(c) ? HEX : 0) | (isHexLink(c) ? HEX_LINK : 0)
                    | (Chars.isAsciiLetter(c) ? LETTER : 0) | (SplitLetterJoinFilter.isSeparator(c) ? SEPARATOR : 0));
        }
        return flags;
    }

    private static boolean is(char c, int flag) {
        return c < 128 && (ASCII[c] & flag) != 0;
    }

    private final boolean allowLeet;

    private PlainAsciiScreen(boolean allowLeet) {
        this.allowLeet = allowLeet;
    }

    /**
     * @param decodesNothing the normaliser's payload decoders, asked only when the text holds something
     *                       they might decode: true when they decode nothing in it
     */
    static boolean isPlain(String text, Predicate<String> decodesNothing) {
        return check(text, decodesNothing, false) == Outcome.PLAIN;
    }

    /** What a scan proved. */
    enum Outcome {
        /** The analysis is plain. */
        PLAIN,
        /** Plain but for leetspeak, which this scan does not follow: the caller checks the leet step's output. */
        PLAIN_BUT_LEET,
        /** Nothing proved. */
        UNKNOWN
    }

    /**
     * @param allowLeet whether a word the leet step may change is let through, as {@link Outcome#PLAIN_BUT_LEET}
     */
    static Outcome check(String text, Predicate<String> decodesNothing, boolean allowLeet) {
        PlainAsciiScreen screen = new PlainAsciiScreen(allowLeet);
        if (!screen.scan(text) || (screen.payloadSuspect && !decodesNothing.test(text))) {
            return Outcome.UNKNOWN;
        }
        return screen.leet ? Outcome.PLAIN_BUT_LEET : Outcome.PLAIN;
    }

    // The state of one scan; a screen object lives for one call.
    private char prev;
    private int sameRun;
    private int base64Run;
    private int hexRun;
    private int percents;
    private int rotated;
    private int uniformWords;  // words in a row that may be cells of letters written apart
    private int letterCells;   // how many of them hold a letter
    private int lastWordEnd = -1;
    private boolean payloadSuspect; // something a payload decoder might start on
    private boolean leet;           // a word the leet step may change, let through

    private boolean scan(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isTokenChar(c)) {
                int end = tokenEnd(text, i);
                if (hasLeet(text, i, end)) {
                    if (!allowLeet) {
                        return false;
                    }
                    leet = true;
                }
                if (!words(text, i, end)) {
                    return false;
                }
                for (int k = i; k < end; k++) {
                    if (!chr(text.charAt(k))) {
                        return false;
                    }
                }
                i = end;
            } else {
                if (!chr(c)) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** The char-level rules: printable ASCII, squeezable runs, base64 and hex runs, percent escapes. */
    private boolean chr(char c) {
        if (!(c >= 0x20 && c < 0x7F) && c != '\t' && c != '\n' && c != '\r') {
            return false;
        }
        char lower = lower(c);
        sameRun = lower == prev ? sameRun + 1 : 1;
        prev = lower;
        if (sameRun >= 3 && !Chars.isAsciiDigit(c)) {
            return false;
        }
        int flags = ASCII[c]; // printable ASCII here
        base64Run = (flags & BASE64) != 0 ? base64Run + 1 : 0;
        if ((flags & HEX) != 0) {
            hexRun++;
        } else if ((flags & HEX_LINK) == 0) {
            hexRun = 0;
        }
        payloadSuspect |= base64Run >= BASE64_RUN || hexRun >= HEX_DIGITS || (c == '%' && ++percents >= PERCENTS);
        return true;
    }

    /**
     * The word-level rules inside one token: runs of letters whose ROT13 is a common word, and words whose
     * chars all read alike (possible cells of letters written apart; only a word that is not one resets
     * the count, so a chain anywhere is caught).
     */
    private boolean words(String text, int start, int end) {
        int k = start;
        while (k < end) {
            char c = text.charAt(k);
            if (is(c, LETTER)) {
                int e = k;
                while (e < end && is(text.charAt(e), LETTER)) {
                    e++;
                }
                if (rotatedFunctionWord(text, k, e) && ++rotated >= ROTATED_WORDS) {
                    payloadSuspect = true;
                }
                k = e;
            } else {
                k++;
            }
        }
        k = start;
        while (k < end) {
            if (!Chars.isWordChar(text.charAt(k))) {
                k++;
                continue;
            }
            int e = k;
            int key = -1;
            boolean uniform = true;
            boolean letter = false;
            while (e < end && Chars.isWordChar(text.charAt(e))) {
                char c = text.charAt(e);
                int kk = SplitLetterJoinFilter.key(lower(c));
                uniform &= key == -1 || kk == key;
                letter |= Chars.isAsciiLetter(c);
                key = kk;
                e++;
            }
            if (!uniform || !separatorGap(text, lastWordEnd, k)) {
                uniformWords = 0; // the split-letter step starts a new group here too
                letterCells = 0;
            }
            if (uniform) {
                uniformWords++;
                letterCells += letter ? 1 : 0;
                // A chain is 3 or more such cells, at least 2 of them letters.
                if (uniformWords >= SPLIT_CHAIN && letterCells >= 2) {
                    return false;
                }
            }
            lastWordEnd = e;
            k = e;
        }
        return true;
    }

    /** Whether {@code text[from, to)} is one separator char, repeated or not, as between letters written apart. */
    private static boolean separatorGap(String text, int from, int to) {
        if (from < 0 || from >= to) {
            return from >= 0; // the first word has no gap before it; words never touch
        }
        char c = text.charAt(from);
        if (!(c < 128 ? is(c, SEPARATOR) : SplitLetterJoinFilter.isSeparator(c))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (text.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
    }

    /** ASCII chars of a token for the leet and split-letter steps: letters, digits, @, $, ! and |. */
    private static boolean isTokenChar(char c) {
        return is(c, TOKEN);
    }

    private static int tokenEnd(String text, int i) {
        int n = text.length();
        while (i < n && isTokenChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Whether the leet step could change the token {@code text[start, end)}: it has a letter and a char
     * that stands for one ("!" and "|" only with a token char on each side).
     */
    private static boolean hasLeet(String text, int start, int end) {
        boolean letter = false;
        boolean leet = false;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (Chars.isAsciiLetter(c)) {
                letter = true;
            } else if (Leet.isFlankedOnly(c)) {
                leet |= k > start && k < end - 1;
            } else if (Leet.letterFor(c) != 0) {
                leet = true;
            }
        }
        return letter && leet;
    }

    /** Whether the ROT13 of a word of letters is one of the decoder's common English words. */
    private static boolean rotatedFunctionWord(String text, int start, int end) {
        if (end - start > ROT13_MAX_WORD) {
            return false;
        }
        int packed = 0;
        for (int k = start; k < end; k++) {
            int letter = (text.charAt(k) | 0x20) - 'a';
            int rot = letter < 13 ? letter + 13 : letter - 13;
            packed = packed << 5 | (rot + 1);
        }
        return Rot13PayloadDecoder.contains(packed);
    }

    private static boolean isBase64(char c) {
        return Chars.isAsciiLetter(c) || Chars.isAsciiDigit(c) || c == '+' || c == '/' || c == '-' || c == '_';
    }

    private static boolean hexDigit(char c) {
        int l = c | 0x20;
        return Chars.isAsciiDigit(c) || (l >= 'a' && l <= 'f');
    }

    /** Chars that may sit between or before the bytes of a hex payload: separators and the \x, 0x prefixes. */
    private static boolean isHexLink(char c) {
        return c == ' ' || c == ',' || c == ':' || c == ';' || c == '-' || c == '\\' || c == 'x' || c == 'X';
    }
}
