package dev.parapet.core.text;

import com.ibm.icu.text.Normalizer2;

import java.nio.CharBuffer;

/**
 * Applies an ICU normalisation form (NFKC, or NFKC_Casefold for case folding) one normalisation segment at
 * a time, so each output char maps to exactly the original range of its segment. Spans that are already
 * normalised are found with ICU's quick check and copied char by char.
 */
final class NormalizerFilter extends TextFilter {

    private final Normalizer2 normalizer;

    NormalizerFilter(TextFilter input, Normalizer2 normalizer) {
        super(input);
        this.normalizer = normalizer;
    }

    @Override
    MappedText transform(String text) {
        int n = text.length();
        int i = normalizer.spanQuickCheckYes(text);
        if (i == n) {
            return null;
        }
        MappedText.Builder out = new MappedText.Builder(n, n + 16);
        copy(out, text, 0, i);
        StringBuilder segment = new StringBuilder();
        boolean changed = false;
        while (i < n) {
            int end = segmentEnd(text, i);
            normalizer.normalize(CharBuffer.wrap(text, i, end), segment);
            if (sameChars(segment, text, i, end)) {
                copy(out, text, i, end);
            } else {
                changed = true;
                for (int k = 0; k < segment.length(); k++) {
                    out.append(segment.charAt(k), i, end);
                }
            }
            i = end;
            if (i < n) {
                int normalized = normalizer.spanQuickCheckYes(CharBuffer.wrap(text, i, n));
                copy(out, text, i, i + normalized);
                i += normalized;
            }
        }
        return changed ? out.build() : null;
    }

    private static boolean sameChars(StringBuilder segment, String text, int start, int end) {
        if (segment.length() != end - start) {
            return false;
        }
        for (int k = 0; k < segment.length(); k++) {
            if (segment.charAt(k) != text.charAt(start + k)) {
                return false;
            }
        }
        return true;
    }

    /** End of the segment starting at {@code start}: the next code point with a boundary before it. */
    private int segmentEnd(String text, int start) {
        int j = start + Character.charCount(text.codePointAt(start));
        while (j < text.length()) {
            int cp = text.codePointAt(j);
            if (normalizer.hasBoundaryBefore(cp)) {
                break;
            }
            j += Character.charCount(cp);
        }
        return j;
    }
}
