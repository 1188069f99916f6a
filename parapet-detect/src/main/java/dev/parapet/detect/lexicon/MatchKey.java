package dev.parapet.detect.lexicon;

import com.ibm.icu.text.Normalizer2;

/**
 * Folds one char of an analysed text into the key that terms are matched on, the same way for terms and
 * texts: lower case; every space and dash one space (so "kill-myself" and "kill   myself" meet their
 * terms); mask symbols one {@link #MASK} (so "f*ck" and "f#ck" meet the masked variants of their terms,
 * while "@", "$" and "!" stay themselves and mask only the letter they stand for, see {@link #maskFor}); accents dropped from Latin, Greek and Cyrillic letters (the matcher then insists on
 * an accent that the term itself has); Arabic letter variants folded as search engines do; invisible chars,
 * stray combining accents and Arabic and Hebrew vowel points skipped.
 */
final class MatchKey {

    /** Returned for chars that the key skips. */
    static final char SKIP = '\u0000';
    /** What every mask symbol folds to. */
    static final char MASK = '*';

    private static final int FOLD_FROM = 0x00C0;
    private static final int FOLD_TO = 0x2000;
    /** Base letters of accented Latin, Greek and Cyrillic letters; 0 where there is none. */
    private static final char[] BASES = bases();

    private MatchKey() {
    }

    static char fold(char c) {
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') {
                return (char) (c + ('a' - 'A'));
            }
            return switch (c) {
                case ' ', '\t', '\n', '\r', '\f', '\u000B', '-', '_' -> ' ';
                case '*', '#', '%', '?' -> MASK;
                default -> c < 0x20 || c == 0x7F ? SKIP : c;
            };
        }
        int type = Character.getType(c);
        switch (type) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.DASH_PUNCTUATION:
                return ' ';
            case Character.FORMAT, Character.CONTROL:
                return SKIP;
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK:
                if (isDiacritic(c)) {
                    return SKIP;
                }
                return c;
            default:
                break;
        }
        if (c >= 0x0600 && c <= 0x06FF) {
            return arabic(c);
        }
        char lower = Character.toLowerCase(c);
        return stripAccent(lower);
    }

    /**
     * The usual Arabic search folding: alef with hamza or madda as bare alef, teh marbuta as heh, alef
     * maksura and Persian yeh as yeh, Persian kaf as kaf; the elongation char (tatweel) skipped.
     */
    private static char arabic(char c) {
        return switch (c) {
            case '\u0622', '\u0623', '\u0625', '\u0671' -> '\u0627';
            case '\u0629' -> '\u0647';
            case '\u0649', '\u06CC' -> '\u064A';
            case '\u06A9' -> '\u0643';
            case '\u0640' -> SKIP;
            default -> c;
        };
    }

    /**
     * The symbol that stands for {@code letter} in masked spellings ("a$$hole", "sh!t", "@ss"), or 0. Only
     * these letters: "p@ssword" must not read as a mask of "piss".
     */
    static char maskFor(char letter) {
        return switch (letter) {
            case 'a' -> '@';
            case 's' -> '$';
            case 'i' -> '!';
            default -> 0;
        };
    }

    /** The letter without its accents, for Latin, Greek and Cyrillic; {@code c} otherwise. */
    static char stripAccent(char c) {
        if (c >= FOLD_FROM && c < FOLD_TO) {
            char base = BASES[c - FOLD_FROM];
            return base == 0 ? c : base;
        }
        return c;
    }

    /**
     * Combining marks used as accents on any script (and abused for "zalgo" text), and the optional vowel
     * points of Arabic and Hebrew; not Indic vowel signs, which spell the word.
     */
    private static boolean isDiacritic(char c) {
        return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0591 && c <= 0x05C7) || (c >= 0x064B && c <= 0x065F)
                || c == 0x0670 || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF)
                || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xFE00 && c <= 0xFE0F);
    }

    private static char[] bases() {
        Normalizer2 nfd = Normalizer2.getNFDInstance();
        char[] out = new char[FOLD_TO - FOLD_FROM];
        for (int c = FOLD_FROM; c < FOLD_TO; c++) {
            if (!Character.isLetter(c)) {
                continue;
            }
            String d = nfd.normalize(String.valueOf((char) c));
            if (d.length() >= 2 && Character.isLetter(d.charAt(0)) && d.charAt(0) < FOLD_TO
                    && d.chars().skip(1).allMatch(m -> Character.getType(m) == Character.NON_SPACING_MARK)) {
                out[c - FOLD_FROM] = Character.toLowerCase(d.charAt(0));
            }
        }
        // Letters with a stroke or bar have no decomposition but read as their base letter.
        String stroked = "øoØołlŁlđdĐdħhĦhıiŧtŦtƀbɨiƶzǥgɇeɍrɏy";
        for (int i = 0; i < stroked.length(); i += 2) {
            out[stroked.charAt(i) - FOLD_FROM] = stroked.charAt(i + 1);
        }
        return out;
    }
}
