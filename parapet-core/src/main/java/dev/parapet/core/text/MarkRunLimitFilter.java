package dev.parapet.core.text;

/**
 * Keeps at most {@code limit} combining marks in a row and drops the rest. Stacked marks ("Zalgo" text) add
 * nothing to the words under them, and an unbounded run would make Unicode normalisation, which sorts the
 * marks of a run, slow. With a limit of 30 this is the Stream-Safe Text Format of UAX #15.
 */
final class MarkRunLimitFilter extends TextFilter {

    private final int limit;

    MarkRunLimitFilter(TextFilter input, int limit) {
        super(input);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
    }

    @Override
    MappedText transform(String text) {
        int n = text.length();
        int first = firstExcess(text);
        if (first < 0) {
            return null;
        }
        MappedText.Builder out = new MappedText.Builder(n, first + 16);
        int copied = 0; // text[copied, i) is kept and not yet appended
        int run = limit; // the char at `first` is the first mark over the limit
        for (int i = first; i < n; ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            run = Chars.isMark(cp) ? run + 1 : 0;
            if (run > limit) {
                copy(out, text, copied, i);
                out.extendLast(next); // dropped marks stay inside the span of what they decorate
                copied = next;
            }
            i = next;
        }
        copy(out, text, copied, n);
        return out.build();
    }

    /** Index of the first mark beyond the limit, or -1. */
    private int firstExcess(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0x300 && Chars.isMark(cp)) {
                if (++run > limit) {
                    return i;
                }
            } else {
                run = 0;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }
}
