package dev.parapet.core.text;

/**
 * Removes what a reader cannot see: default-ignorable code points, format characters (zero-width space and
 * joiners, bidi controls, soft hyphen, tag characters), variation selectors and control characters other than
 * whitespace. Unpaired surrogates become U+FFFD. These are the usual ways to hide a word from a filter.
 */
final class InvisibleCharFilter extends TextFilter {

    InvisibleCharFilter(TextFilter input) {
        super(input);
    }

    @Override
    MappedText transform(String text) {
        int n = text.length();
        int first = 0;
        while (first < n && keptAsIs(text, first)) {
            first++;
        }
        if (first == n) {
            return null;
        }
        MappedText.Builder out = new MappedText.Builder(n, n);
        copy(out, text, 0, first);
        int i = first;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (!Chars.isInvisible(Character.toCodePoint(c, text.charAt(i + 1)))) {
                    out.append(c, i, i + 2).append(text.charAt(i + 1), i, i + 2);
                }
                i += 2;
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD', i, i + 1);
                i++;
            } else {
                if (!Chars.isInvisible(c)) {
                    out.append(c, i, i + 1);
                }
                i++;
            }
        }
        return out.build();
    }

    /** True when the char at {@code i} is visible BMP text, or half of a well-formed visible pair. */
    private static boolean keptAsIs(String text, int i) {
        char c = text.charAt(i);
        if (!Character.isSurrogate(c)) {
            return !Chars.isInvisible(c);
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    && !Chars.isInvisible(Character.toCodePoint(c, text.charAt(i + 1)));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)); // low half of a pair kept just before
    }
}
