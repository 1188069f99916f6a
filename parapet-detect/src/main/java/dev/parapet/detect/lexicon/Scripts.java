package dev.parapet.detect.lexicon;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;

/** What word boundaries mean in a script. */
final class Scripts {

    private Scripts() {
    }

    /** How a term meets word boundaries, decided by the scripts it is written in. */
    enum Edges {
        /** Words are separated by spaces: both edges are checked. */
        SPACED,
        /** Hangul: words are spaced but take suffixes, so only the start is checked. */
        AGGLUTINATIVE,
        /** Written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar): no edge is checked. */
        SPACELESS
    }

    static Edges edges(CharSequence term) {
        Edges out = Edges.SPACED;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (isSpaceless(c)) {
                return Edges.SPACELESS;
            }
            if (UScript.getScript(c) == UScript.HANGUL) {
                out = Edges.AGGLUTINATIVE;
            }
        }
        return out;
    }

    static boolean isSpaceless(char c) {
        if (c < 0x0E00) {
            return false;
        }
        return switch (UScript.getScript(c)) {
            case UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA, UScript.THAI, UScript.LAO, UScript.KHMER,
                 UScript.MYANMAR -> true;
            default -> c == '\u30FC' || c == '\u3005'; // prolonged sound mark, iteration mark
        };
    }

    /** True for chars that continue a word: letters and combining marks (digits and symbols do not). */
    static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        int type = UCharacter.getType(c);
        return UCharacter.isLetter(c) || type == UCharacter.NON_SPACING_MARK
                || type == UCharacter.COMBINING_SPACING_MARK || type == UCharacter.ENCLOSING_MARK;
    }

    /** True when {@code c} does not continue a word written in a spaced script. */
    static boolean breaksWord(char c) {
        return !isWordChar(c) || isSpaceless(c);
    }

    /** True when the term's letters are all Latin, Greek or Cyrillic, the scripts where masks like f*ck occur. */
    static boolean isMaskable(CharSequence term) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (isWordChar(c)) {
                int s = UScript.getScript(c);
                if (s != UScript.LATIN && s != UScript.GREEK && s != UScript.CYRILLIC) {
                    return false;
                }
            }
        }
        return true;
    }
}
