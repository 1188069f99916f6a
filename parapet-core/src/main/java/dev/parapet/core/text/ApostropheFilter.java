package dev.parapet.core.text;

/**
 * Writes the apostrophes people type as ASCII {@code '}: the typographic ones (’ ‘ ‛), the modifier letter (ʼ,
 * Ukrainian's apostrophe), the prime (′) and the saltillo (ꞌ). NFKC leaves them alone, so "I’ll kill you" and
 * "вбʼю" would not meet the terms "i'll kill you" and "вб'ю". Char for char.
 *
 * <p>Written by hand because the list is a choice: UTS #39 also counts letters of other scripts as apostrophe
 * look-alikes (Hebrew yod, Greek tonos), and folding those would change words.
 */
final class ApostropheFilter extends CharForCharFilter {

    ApostropheFilter(TextFilter input) {
        super(input);
    }

    @Override
    char map(char c) {
        return c == '\u2019' || c == '\u2018' || c == '\u201B' || c == '\u02BC' || c == '\u2032' || c == '\uA78C'
                ? '\'' : c;
    }
}
