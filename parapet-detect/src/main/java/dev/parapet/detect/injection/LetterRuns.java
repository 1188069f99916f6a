package dev.parapet.detect.injection;

/**
 * Runs of letters in a text, the words the hand-written scanners of this package reason about (a title's capitals,
 * a line's content words), walked as
 * {@code for (int s = next(t, from, end); s < end; s = next(t, e, end)) { e = end(t, s, end); … }}.
 * A run goes on over combining marks: in Devanagari, Bengali or Thai the vowel signs inside a word are marks, not
 * letters ("पासवर्ड" is one word, not four).
 */
final class LetterRuns {

    private LetterRuns() {
    }

    /** The start of the first letter run at or after {@code from}, or {@code end} when there is none. */
    static int next(CharSequence text, int from, int end) {
        int k = from;
        while (k < end && !Character.isLetter(text.charAt(k))) {
            k++;
        }
        return k;
    }

    /** The end of the letter run that starts at {@code start}. */
    static int end(CharSequence text, int start, int end) {
        int k = start;
        while (k < end && inWord(text.charAt(k))) {
            k++;
        }
        return k;
    }

    /** A letter, or a mark that belongs to the letter before it. */
    static boolean inWord(char c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
