package dev.parapet.core.text;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Proves, in one pass and without building any view, that {@link UnicodeNormalizer} leaves a text plain:
 * the text is printable ASCII (tab and line breaks allowed), and nothing in it can start a normalisation
 * step or a payload decoder. Conservative: it answers {@code true} only when the analysis is certainly
 * plain, and may answer {@code false} for a text that turns out plain anyway (then the caller takes the
 * full path, which is always right).
 *
 * <p>What it refuses, one rule per step of the ASCII path: other chars (invisible or non-ASCII); a run of
 * three equal chars once lowercased, digits excepted (squeezing; asked leniently, it lets the run through, and
 * says so); a word holding a letter and a leet char (a digit or symbol that
 * stands for a letter, "!" and "|" only inside the word); three words in a row,
 * each one letter or digit (maybe repeated), two of them letters, linked by one separator char (letters
 * written apart). A text that holds something a payload decoder might start on (a run of 16 base64 chars; 16
 * hex digits linked by hex separators; three "%"; two different words that are no common English function word
 * but whose ROT13, or whose reversal of three letters or more, is one, as the ROT13 and backwards-text decoders'
 * stretches hold; four runs of dots and dashes with nothing alphanumeric on either side, as Morse codes stand;
 * eight binary digits in a row) is handed to the decoders of what it might be, which must decode nothing there
 * (the others certainly decode nothing: each rule is its decoder's own precondition). The property tests run the
 * normaliser itself against it.
 */
final class PlainAsciiScreen {

    /** Base64 runs shorter than this are never decoded (the decoder's own minimum). */
    private static final int BASE64_RUN = 16;
    /** Hex payloads hold at least 8 bytes. */
    private static final int HEX_DIGITS = 16;
    private static final int PERCENTS = 3;
    private static final int SPLIT_CHAIN = 3;

    // What each ASCII char is, looked up once per char instead of asked of each predicate in turn.
    private static final int PRINTABLE = 1;  // printable ASCII, tab or a line break
    private static final int TOKEN = 1 << 1; // a char of a token of the leet and split-letter steps
    private static final int WORD = 1 << 2;
    private static final int LETTER = 1 << 3;
    private static final int LEET = 1 << 4;  // stands for a letter anywhere in a token ("sh1t")
    private static final int FLANKED = 1 << 5; // stands for a letter only inside a token ("sh!t")
    private static final int SEPARATOR = 1 << 6;
    private static final int BASE64 = 1 << 7;
    private static final int HEX = 1 << 8;
    private static final int HEX_LINK = 1 << 9;
    private static final int DIGIT = 1 << 10;
    private static final int MORSE = 1 << 12; // a dot or dash of Morse code
    private static final int BIT = 1 << 13;   // a binary digit
    private static final int ALNUM = 1 << 14;
    private static final short[] ASCII = asciiFlags();
    /** {@link SplitLetterJoinFilter#key} of each lowercased ASCII char. */
    private static final char[] KEY = keys();

    private static short[] asciiFlags() {
        short[] flags = new short[128];
        for (char c = 0; c < 128; c++) {
            boolean letter = Chars.isAsciiLetter(c);
            flags[c] = (short) (((c >= 0x20 && c < 0x7F) || Chars.isLayoutSpace(c) ? PRINTABLE : 0)
                    | (Chars.isWordChar(c) || Leet.isFlankedOnly(c) ? TOKEN : 0)
                    | (Chars.isWordChar(c) ? WORD : 0) | (letter ? LETTER : 0)
                    | (Leet.isFlankedOnly(c) ? FLANKED : 0)
                    | (!letter && !Leet.isFlankedOnly(c) && Leet.letterFor(c) != 0 ? LEET : 0)
                    | (SplitLetterJoinFilter.isSeparator(c) ? SEPARATOR : 0)
                    | (isBase64(c) ? BASE64 : 0) | (hexDigit(c) ? HEX : 0) | (isHexLink(c) ? HEX_LINK : 0)
                    | (Chars.isAsciiDigit(c) ? DIGIT : 0)
                    | (MorsePayloadDecoder.symbol(c) != 0 ? MORSE : 0) | (c == '0' || c == '1' ? BIT : 0)
                    | (Chars.isAsciiAlnum(c) ? ALNUM : 0));
        }
        return flags;
    }

    private static char[] keys() {
        char[] keys = new char[128];
        for (char c = 0; c < 128; c++) {
            keys[c] = (char) SplitLetterJoinFilter.key(lower(c));
        }
        return keys;
    }

    private PlainAsciiScreen() {
    }

    /** The normaliser's payload decoders, asked only about a text that holds something they might decode. */
    @FunctionalInterface
    interface Decoders {
        /** True when the decoders of {@code encodings} decode nothing in {@code text}. */
        boolean decodeNothing(String text, Set<Payload.Encoding> encodings);
    }

    static boolean isPlain(String text, Decoders decoders) {
        return check(text, decoders, false).outcome() == Outcome.PLAIN;
    }

    /** What a scan proved. */
    enum Outcome {
        /** The analysis is plain. */
        PLAIN,
        /**
         * Plain but for runs of three or more of one char (not a digit), which the squeeze step makes one (keeping
         * the run's length in the view's map): squeezing the lower case is the view. The other steps read the text
         * before squeezing, as this scan does, and the payload decoders read the text itself.
         */
        PLAIN_BUT_SQUEEZED,
        /**
         * Plain but for leetspeak (and maybe runs of one char), which this scan does not follow: the
         * caller checks the output of the normaliser's leet and squeeze steps on the lower case (no letters are
         * written apart here, so the joining step before them changes nothing).
         */
        PLAIN_BUT_STEPS,
        /** Nothing proved. */
        UNKNOWN
    }

    /**
     * What a scan proved, and the text with its ASCII letters lowercased (null when {@link Outcome#UNKNOWN}; the
     * normalised view itself when {@link Outcome#PLAIN}).
     */
    record Proof(Outcome outcome, String lower) {
    }

    private static final Proof UNKNOWN = new Proof(Outcome.UNKNOWN, null);

    // What a scan found besides a refusal.
    private static final int REFUSED = 0;
    private static final int SCANNED = 1;
    private static final int LEETSPEAK = 2; // a word the leet step may change, let through
    private static final int UPPER = 4; // an upper-case letter
    private static final int SQUEEZED = 8; // a run of one char, let through
    // Something a payload decoder might start on, by encoding: SUSPECT << ordinal.
    private static final int SUSPECT = 16;
    private static final int SUSPECT_BASE64 = SUSPECT << Payload.Encoding.BASE64.ordinal();
    private static final int SUSPECT_HEX = SUSPECT << Payload.Encoding.HEX.ordinal();
    private static final int SUSPECT_URL = SUSPECT << Payload.Encoding.URL.ordinal();
    private static final int SUSPECT_ROT13 = SUSPECT << Payload.Encoding.ROT13.ordinal();
    private static final int SUSPECT_REVERSED = SUSPECT << Payload.Encoding.REVERSED.ordinal();
    private static final int SUSPECT_MORSE = SUSPECT << Payload.Encoding.MORSE.ordinal();
    private static final int SUSPECT_BINARY = SUSPECT << Payload.Encoding.BINARY.ordinal();
    private static final int ANY_SUSPECT = SUSPECT_BASE64 | SUSPECT_HEX | SUSPECT_URL | SUSPECT_ROT13
            | SUSPECT_REVERSED | SUSPECT_MORSE | SUSPECT_BINARY;

    /**
     * @param lenient whether a word the leet step may change, and a run of three or more of one char, digits
     *                excepted (which the squeeze step makes one), are let through, as {@link Outcome#PLAIN_BUT_STEPS}
     *                and {@link Outcome#PLAIN_BUT_SQUEEZED}
     */
    static Proof check(String text, Decoders decoders, boolean lenient) {
        int found = scan(text, lenient);
        if (found == REFUSED || ((found & ANY_SUSPECT) != 0 && !decoders.decodeNothing(text, suspected(found)))) {
            return UNKNOWN;
        }
        // Only A to Z change in printable ASCII, as the scan lowers them.
        String lower = (found & UPPER) != 0 ? text.toLowerCase(Locale.ROOT) : text;
        Outcome outcome = (found & LEETSPEAK) != 0 ? Outcome.PLAIN_BUT_STEPS
                : (found & SQUEEZED) != 0 ? Outcome.PLAIN_BUT_SQUEEZED : Outcome.PLAIN;
        return new Proof(outcome, lower);
    }

    private static Set<Payload.Encoding> suspected(int found) {
        Set<Payload.Encoding> encodings = EnumSet.noneOf(Payload.Encoding.class);
        for (Payload.Encoding e : Payload.Encoding.values()) {
            if ((found & (SUSPECT << e.ordinal())) != 0) {
                encodings.add(e);
            }
        }
        return encodings;
    }

    /**
     * The rules of the class comment in one pass, char by char: each char's flags are read once, and the
     * token, word, letter run and gap it ends or extends are updated as it goes. The state lives in locals
     * (and one method), which keeps this loop, the hottest of a batch scan, in registers. It writes nothing:
     * the lower case is made afterwards only for a text with an upper-case letter (a copy written char by char
     * as it went took 6 of the proof's 20 ns a char over 170,000 short English prompts held in memory).
     *
     * @return {@link #REFUSED}, or {@link #SCANNED} with the flags of what was seen
     */
    private static int scan(String text, boolean lenient) {
        int found = SCANNED;
        int prev = -1;
        int sameRun = 0;
        int base64Run = 0;
        int hexRun = 0;
        int percents = 0;
        // Letter runs, for ROT13: length, the run and its ROT13 packed 5 bits a letter (meaningful up to 6
        // letters), and the counts the decoder decides on, so that it is asked only when it would decode.
        int letters = 0;
        int packed = 0;
        int rotPacked = 0;
        int rotated = 0;
        int firstRotated = 0;
        boolean distinctRotated = false;
        // The same for the words read backwards, packed as they go, first letter lowest.
        int revPacked = 0;
        int reversed = 0;
        int firstReversed = 0;
        boolean distinctReversed = false;
        // Morse codes standing alone (a run of dots and dashes with nothing alphanumeric on either side), and
        // the run of binary digits.
        int morseRun = 0;
        boolean morseAlone = false;
        int morseCodes = 0;
        int bitRun = 0;
        // Words (runs of word chars), for letters written apart, and the gap since the last one.
        boolean inWord = false;
        int wordKey = 0;
        boolean wordUniform = false;
        boolean wordLetter = false;
        boolean wordLinked = false; // the gap before the word is one separator char, repeated or not
        boolean seenWord = false;
        char gapChar = 0;           // the first char after the last word
        boolean gapUniform = false; // every char since the last word is gapChar
        int uniformWords = 0;       // words in a row that may be cells of letters written apart
        int letterCells = 0;        // how many of them hold a letter
        // Tokens, for leetspeak.
        boolean inToken = false;
        boolean tokenLetter = false;
        boolean tokenLeet = false;
        boolean flankedPending = false; // a flanked-only char inside the token, waiting for a token char after it
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            // One step past the end, as a space: it closes the last run, word and token.
            char c = i < n ? text.charAt(i) : ' ';
            if (c >= 128) {
                return REFUSED;
            }
            int f = ASCII[c];
            if ((f & PRINTABLE) == 0) {
                return REFUSED;
            }
            char lower = lower(c);
            if (i < n) {
                found |= lower != c ? UPPER : 0;
                sameRun = lower == prev ? sameRun + 1 : 1;
                prev = lower;
                if (sameRun >= 3 && (f & DIGIT) == 0) {
                    if (!lenient) {
                        return REFUSED; // squeezed
                    }
                    found |= SQUEEZED; // indentation, "...", "www.", "soooo"
                }
                base64Run = (f & BASE64) != 0 ? base64Run + 1 : 0;
                if ((f & HEX) != 0) {
                    hexRun++;
                } else if ((f & HEX_LINK) == 0) {
                    hexRun = 0;
                }
                if (base64Run >= BASE64_RUN || hexRun >= HEX_DIGITS || (c == '%' && ++percents >= PERCENTS)) {
                    found |= (base64Run >= BASE64_RUN ? SUSPECT_BASE64 : 0) | (hexRun >= HEX_DIGITS ? SUSPECT_HEX : 0)
                            | (percents >= PERCENTS ? SUSPECT_URL : 0);
                }
                bitRun = (f & BIT) != 0 ? bitRun + 1 : 0;
                if (bitRun >= 8) {
                    found |= SUSPECT_BINARY; // a byte
                }
            }
            if ((f & MORSE) != 0) {
                if (morseRun++ == 0) {
                    morseAlone = i == 0 || (ASCII[text.charAt(i - 1)] & ALNUM) == 0;
                }
            } else if (morseRun > 0) {
                if (morseAlone && (f & ALNUM) == 0 && ++morseCodes >= MorsePayloadDecoder.MIN_LETTERS) {
                    found |= SUSPECT_MORSE;
                }
                morseRun = 0;
            }
            if ((f & LETTER) != 0) {
                int letter = lower - 'a';
                packed = packed << 5 | (letter + 1);
                rotPacked = FunctionWords.withRotated(rotPacked, letter);
                // Meaningless past MAX_WORD letters, like the others.
                revPacked = FunctionWords.withReversed(revPacked, letter, letters);
                letters++;
            } else if (letters > 0) {
                // A word that scores for a decoder: a function word undone and not as written.
                if (letters <= FunctionWords.MAX_WORD && !FunctionWords.contains(packed)) {
                    if (FunctionWords.contains(rotPacked)) {
                        rotated++;
                        if (firstRotated == 0) {
                            firstRotated = rotPacked;
                        } else {
                            distinctRotated |= rotPacked != firstRotated;
                        }
                    }
                    if (letters >= FunctionWords.minUndone(FunctionWords.Undo.REVERSED)
                            && FunctionWords.contains(revPacked)) {
                        reversed++;
                        if (firstReversed == 0) {
                            firstReversed = revPacked;
                        } else {
                            distinctReversed |= revPacked != firstReversed;
                        }
                    }
                }
                letters = 0;
                packed = 0;
                rotPacked = 0;
                revPacked = 0;
            }
            if ((f & WORD) != 0) {
                if (!inWord) {
                    inWord = true;
                    wordKey = KEY[c];
                    wordUniform = true;
                    wordLetter = false;
                    // Words never touch, so after a word there is a gap of at least one char.
                    wordLinked = seenWord && gapUniform && (ASCII[gapChar] & SEPARATOR) != 0;
                } else {
                    wordUniform &= KEY[c] == wordKey;
                }
                wordLetter |= (f & LETTER) != 0;
            } else if (inWord) {
                // Only a word that is not a cell resets the count, so a chain anywhere is caught.
                if (!wordUniform || !wordLinked) {
                    uniformWords = 0;
                    letterCells = 0;
                }
                if (wordUniform) {
                    uniformWords++;
                    letterCells += wordLetter ? 1 : 0;
                    if (uniformWords >= SPLIT_CHAIN && letterCells >= 2) {
                        return REFUSED; // joined
                    }
                }
                inWord = false;
                seenWord = true;
                gapChar = c;
                gapUniform = true;
            } else {
                gapUniform &= c == gapChar;
            }
            if ((f & TOKEN) != 0) {
                if (!inToken) {
                    inToken = true;
                    tokenLetter = false;
                    tokenLeet = false;
                    flankedPending = false;
                } else {
                    tokenLeet |= flankedPending;
                    flankedPending |= (f & FLANKED) != 0; // not the token's first char
                }
                tokenLetter |= (f & LETTER) != 0;
                tokenLeet |= (f & LEET) != 0;
            } else if (inToken) {
                inToken = false;
                if (tokenLetter && tokenLeet) {
                    if (!lenient) {
                        return REFUSED;
                    }
                    found |= LEETSPEAK;
                }
            }
        }
        // The decoders' stretch holds two different words that score; the proof asks that of the whole text.
        if (rotated >= FunctionWords.MIN_DISTINCT && distinctRotated) {
            found |= SUSPECT_ROT13;
        }
        if (reversed >= FunctionWords.MIN_DISTINCT && distinctReversed) {
            found |= SUSPECT_REVERSED;
        }
        return found;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
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
