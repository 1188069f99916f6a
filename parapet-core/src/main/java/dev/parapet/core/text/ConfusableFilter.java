package dev.parapet.core.text;

/**
 * Folds homoglyphs to Latin, one word at a time and by a rule that depends only on the word, so lexicon
 * terms and text fold alike: in a word with Latin letters, every other letter that looks like an ASCII
 * letter becomes that letter ("ѕhit" with a Cyrillic "ѕ" becomes "shit"); a word with no Latin letter is
 * folded only when every letter in it looks like an ASCII letter ("ѕһіт"), so ordinary Russian or Greek words
 * stay in their script. ASCII letters are never touched. Marks left on a folded letter are dropped, as they
 * would be on any Latin letter.
 */
final class ConfusableFilter extends TextFilter {

    ConfusableFilter(TextFilter input) {
        super(input);
    }

    @Override
    MappedText transform(String text) {
        int n = text.length();
        MappedText.Builder out = null;
        int copied = 0;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            if (!isWordLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean latin = false;
            boolean allLookLatin = true;
            boolean foldable = false;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!isWordLetter(cp)) {
                    break;
                }
                if (Chars.isLetter(cp)) {
                    latin |= Chars.isLatinLetter(cp);
                    boolean proto = Confusables.prototypeOf(cp) != 0;
                    foldable |= proto;
                    allLookLatin &= proto;
                }
                i += Character.charCount(cp);
            }
            if (foldable && (latin || allLookLatin)) {
                if (out == null) {
                    out = new MappedText.Builder(n, n);
                }
                copy(out, text, copied, start);
                fold(text, start, i, out);
                copied = i;
            }
        }
        if (out == null) {
            return null;
        }
        copy(out, text, copied, n);
        return out.build();
    }

    private static void fold(String text, int start, int end, MappedText.Builder out) {
        boolean dropMarks = false;
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            char proto = Confusables.prototypeOf(cp);
            if (proto != 0) {
                out.append(proto, i, next);
                dropMarks = true;
            } else if (Chars.isMark(cp)) {
                if (dropMarks) {
                    out.extendLast(next);
                } else {
                    copy(out, text, i, next);
                }
            } else {
                copy(out, text, i, next);
                dropMarks = false;
            }
            i = next;
        }
    }

    private static boolean isWordLetter(int cp) {
        return Chars.isLetter(cp) || Chars.isMark(cp);
    }
}
