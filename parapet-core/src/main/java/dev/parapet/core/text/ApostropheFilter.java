package dev.parapet.core.text;

/**
 * Writes the apostrophes people type as ASCII {@code '}: the typographic ones (’ ‘ ‛), the modifier letter (ʼ,
 * Ukrainian's apostrophe), the prime (′) and the saltillo (ꞌ). NFKC leaves them alone, so "I’ll kill you" and
 * "вбʼю" would not meet the terms "i'll kill you" and "вб'ю". Char for char.
 *
 * <p>Written by hand because the list is a choice: UTS #39 also counts letters of other scripts as apostrophe
 * look-alikes (Hebrew yod, Greek tonos), and folding those would change words.
 */
final class ApostropheFilter extends TextFilter {

    ApostropheFilter(TextFilter input) {
        super(input);
    }

    @Override
    MappedText transform(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && !isApostrophe(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return null;
        }
        char[] chars = text.toCharArray();
        for (; i < n; i++) {
            if (isApostrophe(chars[i])) {
                chars[i] = '\'';
            }
        }
        return MappedText.positional(new String(chars));
    }

    static boolean isApostrophe(char c) {
        return c == '\u2019' || c == '\u2018' || c == '\u201B' || c == '\u02BC' || c == '\u2032' || c == '\uA78C';
    }
}
