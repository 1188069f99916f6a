package dev.parapet.core.text;

/** Lowercases ASCII letters: what case folding does on ASCII text, without ICU. Char for char. */
final class AsciiLowercaseFilter extends CharForCharFilter {

    AsciiLowercaseFilter(TextFilter input) {
        super(input);
    }

    @Override
    char map(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
    }
}
