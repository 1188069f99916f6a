package dev.parapet.core.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;

import java.util.Arrays;

/**
 * Latin look-alikes from the Unicode confusables data (UTS #39, through ICU's spoof checker): for a letter of
 * any script that looks like one ASCII letter (Cyrillic "ѕ", Greek "ο", Latin "ı"), that letter. Built once,
 * on first use, from the skeletons of single letters; immutable afterwards.
 */
final class Confusables {

    private Confusables() {
    }

    /**
     * The ASCII letter {@code cp} looks like, or 0 when it looks like none. ASCII itself is never mapped (the
     * skeleton would turn "m" into "rn"), nor are Han, kana, Hangul or Bopomofo.
     */
    static char prototypeOf(int cp) {
        if (cp < 0x80) {
            return 0;
        }
        if (cp < 0x10000) {
            return Table.BMP[cp];
        }
        int i = Arrays.binarySearch(Table.CODE_POINTS, cp);
        return i >= 0 ? Table.PROTOTYPES[i] : 0;
    }

    /** Number of letters with a prototype (for tests and diagnostics). */
    static int size() {
        return Table.CODE_POINTS.length;
    }

    private static final class Table {
        static final int[] CODE_POINTS;
        static final char[] PROTOTYPES;
        /** The same for the BMP, indexed by char: one read per lookup in the common case. */
        static final char[] BMP = new char[0x10000];

        static {
            SpoofChecker checker = new SpoofChecker.Builder().build();
            Normalizer2 fold = Normalizer2.getNFKCCasefoldInstance();
            Normalizer2 nfd = Normalizer2.getNFDInstance();
            int[] codes = new int[1024];
            char[] protos = new char[1024];
            int count = 0;
            // Only letters that can reach this step: not ASCII, not Han, kana, Hangul or Bopomofo, already case
            // folded, and with no canonical decomposition (their marks were stripped before).
            UnicodeSetIterator it = new UnicodeSetIterator(new UnicodeSet("[[:L:]-[\\u0000-\\u007F]-[:sc=Han:]"
                    + "-[:sc=Hiragana:]-[:sc=Katakana:]-[:sc=Hangul:]-[:sc=Bopomofo:]"
                    + "&[:Changes_When_NFKC_Casefolded=No:]&[:NFD_Quick_Check=Yes:]]"));
            while (it.next()) {
                int cp = it.codepoint;
                String letter = UCharacter.toString(cp);
                String skeleton = checker.getSkeleton(letter);
                if (skeleton.equals(letter)) {
                    continue;
                }
                char proto = asciiLetter(nfd.normalize(fold.normalize(skeleton)));
                if (proto != 0) {
                    if (count == codes.length) {
                        codes = Arrays.copyOf(codes, count * 2);
                        protos = Arrays.copyOf(protos, count * 2);
                    }
                    codes[count] = cp;
                    protos[count] = proto;
                    count++;
                }
            }
            CODE_POINTS = Arrays.copyOf(codes, count); // the iterator goes in code point order: sorted
            PROTOTYPES = Arrays.copyOf(protos, count);
            for (int k = 0; k < count && codes[k] < 0x10000; k++) {
                BMP[codes[k]] = protos[k];
            }
        }

        /**
         * The ASCII letter a skeleton stands for, ignoring marks: a single ASCII letter, or a Latin small
         * capital (Cyrillic "т" has the skeleton "ᴛ", which reads as "t"); 0 otherwise.
         */
        private static char asciiLetter(String skeleton) {
            int letter = -1;
            for (int i = 0; i < skeleton.length(); ) {
                int cp = skeleton.codePointAt(i);
                i += Character.charCount(cp);
                if (Chars.isMark(cp)) {
                    continue;
                }
                if (letter >= 0) {
                    return 0; // more than one letter: "rn", "ꜳ"
                }
                letter = cp;
            }
            if (letter >= 'a' && letter <= 'z') {
                return (char) letter;
            }
            if (letter > 0x80) {
                String name = UCharacter.getName(letter);
                String prefix = "LATIN LETTER SMALL CAPITAL ";
                if (name != null && name.startsWith(prefix) && name.length() == prefix.length() + 1) {
                    char c = name.charAt(prefix.length());
                    if (c >= 'A' && c <= 'Z') {
                        return (char) (c | 0x20);
                    }
                }
            }
            return 0;
        }
    }
}
