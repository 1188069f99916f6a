package dev.parapet.core.text;

/** A step that replaces single chars by single chars, so every char keeps its place: its view is positional. */
abstract class CharForCharFilter extends TextFilter {

    CharForCharFilter(TextFilter input) {
        super(input);
    }

    /** The char that stands for {@code c} in the view; {@code c} itself when the step leaves it alone. */
    abstract char map(char c);

    @Override
    final MappedText transform(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && map(text.charAt(i)) == text.charAt(i)) {
            i++;
        }
        if (i == n) {
            return null;
        }
        char[] chars = text.toCharArray();
        for (; i < n; i++) {
            chars[i] = map(chars[i]);
        }
        return MappedText.positional(new String(chars));
    }
}
