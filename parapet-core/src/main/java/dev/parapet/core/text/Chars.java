package dev.parapet.core.text;

import com.ibm.icu.text.UnicodeSet;

/**
 * Character classes shared by the normalisation steps. ASCII is answered inline, so the ASCII fast path never
 * reaches ICU; everything else comes from ICU, so every step agrees on one Unicode version. The answers for
 * the BMP and plane 1 are computed once into a table of flags, which keeps each lookup to one array read.
 */
final class Chars {

    private static final int LETTER = 1;
    private static final int MARK = 1 << 1;
    private static final int DROPS_MARKS = 1 << 2;
    private static final int CJK = 1 << 3;
    private static final int LATIN = 1 << 4;
    private static final int DECOMPOSES = 1 << 5;
    private static final int INVISIBLE = 1 << 6;
    private static final int DIGIT = 1 << 7; // ASCII only
    private static final int WORD = 1 << 8; // ASCII only: letters, digits and leet symbols

    /** Flags of ASCII chars, so the ASCII fast path needs neither ICU nor branches. */
    private static final short[] ASCII = new short[0x80];

    static {
        for (int c = 0; c < 0x80; c++) {
            int flags = DROPS_MARKS;
            if (isAsciiLetter(c)) {
                flags |= LETTER | LATIN;
            }
            if (isAsciiDigit(c)) {
                flags |= DIGIT;
            }
            if (isAsciiLetter(c) || isAsciiDigit(c) || Leet.isSymbol(c)) {
                flags |= WORD;
            }
            if ((c < 0x20 && (c < 0x09 || c > 0x0D)) || c == 0x7F) {
                flags |= INVISIBLE;
            }
            ASCII[c] = (short) flags;
        }
    }

    private Chars() {
    }

    /** The text with its ASCII letters lowercased, nothing else changed; the same string when there are none. */
    static String lowerAscii(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                chars = chars == null ? text.toCharArray() : chars;
                chars[i] = (char) (c | 0x20);
            }
        }
        return chars == null ? text : new String(chars);
    }

    static boolean isAsciiLetter(int cp) {
        int lower = cp | 0x20;
        return lower >= 'a' && lower <= 'z';
    }

    static boolean isAsciiDigit(int cp) {
        return cp >= '0' && cp <= '9';
    }

    static boolean isAsciiAlnum(int cp) {
        return isAsciiLetter(cp) || isAsciiDigit(cp);
    }

    /** Space, tab or a line break: the whitespace of plain text, whose runs the fast paths let the squeeze step take. */
    static boolean isLayoutSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
    }

    /** General category L (any letter of any script). */
    static boolean isLetter(int cp) {
        return (flags(cp) & LETTER) != 0;
    }

    /** General category M: non-spacing, spacing and enclosing combining marks. */
    static boolean isMark(int cp) {
        return cp >= 0x300 && (flags(cp) & MARK) != 0;
    }

    /** Letters, marks, ASCII digits and the leet symbols that stand for letters: what words are made of. */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (ASCII[cp] & WORD) != 0;
        }
        return (flags(cp) & (LETTER | MARK)) != 0 || Leet.isSymbol(cp);
    }

    static boolean isLatinLetter(int cp) {
        return (flags(cp) & LATIN) != 0;
    }

    /** Letters of scripts written without spaces between syllables: a lone one is a word, not a split letter. */
    static boolean isCjk(int cp) {
        return cp >= 0x1100 && (flags(cp) & CJK) != 0;
    }

    /**
     * Whether combining marks after this base are decoration to drop (Latin, Greek, Cyrillic, Arabic, Hebrew,
     * Armenian, Georgian, and symbols, digits and punctuation), rather than part of the spelling as in the
     * abugidas (Devanagari, Thai, ...).
     */
    static boolean dropsMarks(int base) {
        return (flags(base) & DROPS_MARKS) != 0;
    }

    /** A letter with a canonical decomposition, such as "é". */
    static boolean isDecomposableLetter(int cp) {
        return cp >= 0xC0 && (flags(cp) & DECOMPOSES) != 0;
    }

    /**
     * Default-ignorable code points, format characters (zero-width space and joiners, bidi controls, soft
     * hyphen, tags), variation selectors, and controls other than whitespace.
     */
    static boolean isInvisible(int cp) {
        return (flags(cp) & INVISIBLE) != 0;
    }

    private static int flags(int cp) {
        if (cp < 0x80) {
            return ASCII[cp];
        }
        return cp < Table.FLAGS.length ? Table.FLAGS[cp] & 0xFF : Sets.flags(cp);
    }

    /** The classes as ICU sets; built once, on the first non-ASCII char. */
    private static final class Sets {
        static final UnicodeSet[] SETS = new UnicodeSet[7];
        static final int[] BITS = {LETTER, MARK, DROPS_MARKS, CJK, LATIN, DECOMPOSES, INVISIBLE};

        static {
            String cjk = "[:sc=Han:][:sc=Hiragana:][:sc=Katakana:][:sc=Hangul:][:sc=Bopomofo:]";
            SETS[0] = new UnicodeSet("[:L:]");
            SETS[1] = new UnicodeSet("[:M:]");
            SETS[2] = new UnicodeSet("[[:sc=Latin:][:sc=Greek:][:sc=Cyrillic:][:sc=Arabic:][:sc=Hebrew:]"
                    + "[:sc=Armenian:][:sc=Georgian:][:sc=Common:][:sc=Inherited:][:sc=Unknown:]]");
            SETS[3] = new UnicodeSet("[[:L:]&[" + cjk + "]]");
            SETS[4] = new UnicodeSet("[[:L:]&[:sc=Latin:]]");
            SETS[5] = new UnicodeSet("[[:L:]&[:NFD_Quick_Check=No:]]"); // letters with a canonical decomposition
            SETS[6] = new UnicodeSet("[[:Default_Ignorable_Code_Point:][:Cf:][[:Cc:]-[:White_Space:]]]");
            for (UnicodeSet set : SETS) {
                set.freeze();
            }
        }

        static int flags(int cp) {
            int flags = 0;
            for (int k = 0; k < SETS.length; k++) {
                if (SETS[k].contains(cp)) {
                    flags |= BITS[k];
                }
            }
            return flags;
        }
    }

    /** Flags of every char of the BMP and plane 1 (emoji, symbols), filled from the sets range by range. */
    private static final class Table {
        static final byte[] FLAGS = new byte[0x20000];

        static {
            for (int k = 0; k < Sets.SETS.length; k++) {
                UnicodeSet set = Sets.SETS[k];
                for (int r = 0; r < set.getRangeCount() && set.getRangeStart(r) < FLAGS.length; r++) {
                    int end = Math.min(set.getRangeEnd(r), FLAGS.length - 1);
                    for (int c = set.getRangeStart(r); c <= end; c++) {
                        FLAGS[c] |= (byte) Sets.BITS[k];
                    }
                }
            }
        }
    }
}
