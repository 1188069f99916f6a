package dev.parapet.detect.pii;

/**
 * One match of a scanner, in offsets of the text it scanned (not yet mapped to the original).
 *
 * @param start    first char of the match
 * @param end      one past the last char
 * @param label    the finding label (e.g. {@code EMAIL})
 * @param score    confidence in 0..1
 * @param evidence why it matched; never the value itself
 */
record Hit(int start, int end, String label, double score, String evidence) {

    Hit {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad hit range [" + start + ", " + end + ")");
        }
    }

    boolean overlaps(Hit other) {
        return start < other.end && other.start < end;
    }
}
