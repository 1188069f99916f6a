package dev.parapet.core.text;

import com.ibm.icu.text.Normalizer2;

/**
 * Drops combining marks that decorate letters of Latin, Greek, Cyrillic, Arabic and similar scripts ("shït"
 * becomes "shit", "ά" becomes "α"), including those inside precomposed letters, and marks on digits, symbols
 * and punctuation. Marks after letters of abugidas such as Devanagari or Thai are part of the spelling and
 * stay. Works on case-folded NFKC text.
 */
final class MarkStripFilter extends TextFilter {

    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    MarkStripFilter(TextFilter input) {
        super(input);
    }

    @Override
    MappedText transform(String text) {
        int n = text.length();
        int first = firstChange(text);
        if (first < 0) {
            return null;
        }
        MappedText.Builder out = new MappedText.Builder(n, n);
        int copied = 0; // text[copied, i) is unchanged and not yet appended
        boolean dropMarks = baseBefore(text, first);
        for (int i = first; i < n; ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Chars.isMark(cp)) {
                if (dropMarks) {
                    copy(out, text, copied, i);
                    out.extendLast(next); // the mark's span stays with its letter
                    copied = next;
                }
            } else {
                dropMarks = Chars.dropsMarks(cp);
                String decomposition = dropMarks ? decomposedLetter(cp) : null;
                if (decomposition != null) {
                    copy(out, text, copied, i);
                    copied = next;
                    for (int k = 0; k < decomposition.length(); ) {
                        int d = decomposition.codePointAt(k);
                        if (!Chars.isMark(d)) {
                            out.append(decomposition.substring(k, k + Character.charCount(d)), i, next);
                        }
                        k += Character.charCount(d);
                    }
                    out.extendLast(next);
                }
            }
            i = next;
        }
        copy(out, text, copied, n);
        return out.build();
    }

    /** Index of the first code point this filter changes, or -1. */
    private static int firstChange(String text) {
        boolean dropMarks = true; // marks with no base at all are dropped
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0xC0) {
                if (Chars.isMark(cp)) {
                    if (dropMarks) {
                        return i;
                    }
                } else {
                    dropMarks = Chars.dropsMarks(cp);
                    if (dropMarks && decomposedLetter(cp) != null) {
                        return i;
                    }
                }
            } else {
                dropMarks = true;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** Whether marks are dropped at {@code index}, judged by the last base before it. */
    private static boolean baseBefore(String text, int index) {
        for (int i = index; i > 0; ) {
            int cp = text.codePointBefore(i);
            if (!Chars.isMark(cp)) {
                return Chars.dropsMarks(cp);
            }
            i -= Character.charCount(cp);
        }
        return true;
    }

    /** The canonical decomposition of a precomposed letter that carries marks ("é"), or null. */
    private static String decomposedLetter(int cp) {
        return Chars.isDecomposableLetter(cp) ? NFD.getDecomposition(cp) : null;
    }
}
