package dev.parapet.core.text;

/** Lowercases ASCII letters: what case folding does on ASCII text, without ICU. Char for char. */
final class AsciiLowercaseFilter extends TextFilter {

    AsciiLowercaseFilter(TextFilter input) {
        super(input);
    }

    @Override
    MappedText transform(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && !isUpper(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return null;
        }
        char[] chars = text.toCharArray();
        for (; i < n; i++) {
            if (isUpper(chars[i])) {
                chars[i] = (char) (chars[i] | 0x20);
            }
        }
        return MappedText.positional(new String(chars));
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
