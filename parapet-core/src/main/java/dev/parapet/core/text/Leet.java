package dev.parapet.core.text;

/**
 * Leetspeak: digits and symbols written for letters ("sh1t", "a$$", "h3ll0"). Only used inside words that
 * have at least one real letter, so numbers and prices stay as they are.
 */
final class Leet {

    private Leet() {
    }

    /** The letter {@code cp} stands for, or 0 when it stands for none. */
    static char letterFor(int cp) {
        return switch (cp) {
            case '0' -> 'o';
            case '1', '!', '\u00A1' -> 'i';
            case '3', '\u20AC' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            case '|', '\u00A3' -> 'l';
            case '\u00A2', '\u00A9' -> 'c';
            case '\u00AE' -> 'r';
            default -> 0;
        };
    }

    /** Symbols that stand for a letter wherever they appear in a word: @ $ € £ ¢ © ®. */
    static boolean isSymbol(int cp) {
        return switch (cp) {
            case '@', '$', '\u20AC', '\u00A3', '\u00A2', '\u00A9', '\u00AE' -> true;
            default -> false;
        };
    }

    /**
     * Punctuation that stands for a letter only between two word chars ("sh!t", "he||o"); elsewhere it is
     * punctuation ("hi!") or a separator ("k|i|l|l").
     */
    static boolean isFlankedOnly(int cp) {
        return cp == '!' || cp == '|' || cp == '\u00A1';
    }
}
