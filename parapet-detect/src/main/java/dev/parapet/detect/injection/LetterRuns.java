package dev.parapet.detect.injection;

/**
 * Runs of letters in a text, the words the hand-written scanners of this package reason about (a title's capitals,
 * a line's content words), walked as
 * {@code for (int s = next(t, from, end); s < end; s = next(t, e, end)) { e = end(t, s, end); … }}.
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
        while (k < end && Character.isLetter(text.charAt(k))) {
            k++;
        }
        return k;
    }
}
