package dev.parapet.detect.pii;

import java.util.Locale;

/** Small char tests and context look-ups shared by the scanners. */
final class Chars {

    /** Scanners call the deadline once per this many chars. */
    static final int CHECK_EVERY = 4096;

    private Chars() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Letters and digits of any script, and the underscore: chars that glue a token to its neighbours. */
    static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** The char at {@code i}, or a space when {@code i} is outside the text. */
    static char at(CharSequence s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : ' ';
    }

    /**
     * True when one of the lower-case {@code keywords} occurs, case-insensitively, in the
     * {@code before} chars ahead of {@code start} or the {@code after} chars behind {@code end}.
     */
    static boolean keywordNear(String text, int start, int end, int before, int after, String... keywords) {
        int from = Math.max(0, start - before);
        int to = Math.min(text.length(), end + after);
        return containsAny(text, from, start, keywords) || containsAny(text, end, to, keywords);
    }

    private static boolean containsAny(String text, int from, int to, String... keywords) {
        if (to <= from) {
            return false;
        }
        String window = text.substring(from, to).toLowerCase(Locale.ROOT);
        for (String k : keywords) {
            if (window.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
