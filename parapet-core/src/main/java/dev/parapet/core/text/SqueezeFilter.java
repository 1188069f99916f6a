package dev.parapet.core.text;

/**
 * Squeezes a run of three or more identical code points to one, which keeps the run's length: "fuuuuck"
 * becomes "fuck" with run length 5 on the "u". Doubles stay ("kill"), and so do digits ("1000"); the lexicon
 * matcher decides what a repetition means.
 */
final class SqueezeFilter extends TextFilter {

    private static final int MIN_RUN = 3;

    SqueezeFilter(TextFilter input) {
        super(input);
    }

    @Override
    MappedText transform(String text) {
        int n = text.length();
        MappedText.Builder out = null;
        int copied = 0;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            int end = i + width;
            int run = 1;
            while (end < n && text.codePointAt(end) == cp) {
                end += width;
                run++;
            }
            if (run >= MIN_RUN && !Chars.isAsciiDigit(cp)) {
                if (out == null) {
                    out = new MappedText.Builder(n, n);
                }
                copy(out, text, copied, i);
                for (int k = 0; k < width; k++) {
                    out.append(text.charAt(i + k), i, end, run, false);
                }
                copied = end;
            }
            i = end;
        }
        if (out == null) {
            return null;
        }
        copy(out, text, copied, n);
        return out.build();
    }
}
