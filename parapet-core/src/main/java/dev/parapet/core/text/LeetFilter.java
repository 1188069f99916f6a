package dev.parapet.core.text;

/**
 * Undoes leetspeak inside words that have at least one real letter: "sh1t", "a$$" and "h3ll0" become "shit",
 * "ass" and "hello"; "2024" and "$100" stay. "!" and "|" count only between two word chars ("sh!t", "he||o"),
 * so "hi!" keeps its punctuation. Char for char.
 */
final class LeetFilter extends TextFilter {

    LeetFilter(TextFilter input) {
        super(input);
    }

    @Override
    MappedText transform(String text) {
        int n = text.length();
        char[] out = null;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            if (!isTokenChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean letter = false;
            boolean leet = false;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!isTokenChar(cp)) {
                    break;
                }
                letter |= Chars.isLetter(cp);
                leet |= Leet.letterFor(cp) != 0;
                i += Character.charCount(cp);
            }
            if (letter && leet) {
                out = substitute(text, start, i, out);
            }
        }
        return out == null ? null : MappedText.positional(new String(out));
    }

    /** Replaces the leet chars of the token {@code text[start, end)}; returns the (possibly new) output. */
    private static char[] substitute(String text, int start, int end, char[] out) {
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (Leet.isFlankedOnly(c)) {
                int runEnd = k;
                while (runEnd < end && Leet.isFlankedOnly(text.charAt(runEnd))) {
                    runEnd++;
                }
                if (k > start && runEnd < end) { // a word char on each side
                    out = out == null ? text.toCharArray() : out;
                    for (int j = k; j < runEnd; j++) {
                        out[j] = Leet.letterFor(text.charAt(j));
                    }
                }
                k = runEnd - 1;
            } else {
                char letter = Leet.letterFor(c);
                if (letter != 0) {
                    out = out == null ? text.toCharArray() : out;
                    out[k] = letter;
                }
            }
        }
        return out;
    }

    private static boolean isTokenChar(int cp) {
        return Chars.isWordChar(cp) || Leet.isFlankedOnly(cp);
    }
}
