package dev.parapet.ml.detect;

import dev.parapet.core.finding.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into overlapping windows so that a short harmful passage inside a long benign document
 * dominates at least one window. Windows overlap by half, and their ends move back to a whitespace when one
 * lies in the last fifth of the window, so that words are seldom cut.
 */
public final class Windows {

    private Windows() {
    }

    /** Windows of at most {@code maxChars} chars covering {@code text}; one window when it fits. */
    public static List<Span> of(CharSequence text, int maxChars) {
        if (maxChars < 10) {
            throw new IllegalArgumentException("windows must be at least 10 chars, was " + maxChars);
        }
        int n = text.length();
        List<Span> out = new ArrayList<>();
        if (n <= maxChars) {
            out.add(new Span(0, n));
            return out;
        }
        int stride = maxChars / 2;
        int start = 0;
        while (true) {
            int end = Math.min(n, start + maxChars);
            if (end < n) {
                end = backToSpace(text, start + maxChars * 4 / 5, end);
                if (end < n && Character.isLowSurrogate(text.charAt(end))) {
                    end--; // never split a surrogate pair
                }
            }
            out.add(new Span(start, end));
            if (end >= n) {
                return out;
            }
            int next = Math.min(start + stride, end);
            int limit = Math.min(end, next + maxChars / 5);
            int s = next;
            while (s < limit && !Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            next = s < limit ? s + 1 : next;
            if (next < n && Character.isLowSurrogate(text.charAt(next))) {
                next++;
            }
            start = Math.max(next, start + 1);
        }
    }

    private static int backToSpace(CharSequence text, int floor, int end) {
        for (int i = end; i > floor; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return end;
    }
}
