package dev.parapet.core.text;

import dev.parapet.core.finding.Span;

import java.util.Arrays;
import java.util.Objects;

/**
 * A transformed text that remembers, for every char, which range of the original text it came from.
 * Like the offset attributes of Lucene's token streams: every normalisation step keeps them, so a
 * match anywhere in a view maps back to the exact characters of the original.
 *
 * <p>Each char also carries a run length (how many identical chars it stands for after long repeats
 * were squeezed; 1 otherwise) and a "joined" mark (it came from letters that were split by spaces or
 * punctuation, so word boundaries around it are not real). Immutable and thread-safe.
 */
public final class MappedText {

    private final String text;
    private final int originalLength;
    /** Null for the identity map (the fast path for text that needed no normalisation). */
    private final int[] starts;
    private final int[] ends;
    private final int[] runs;      // null when every run length is 1
    private final boolean[] joined; // null when nothing is joined
    /** True only for the view that is the original itself (null offset arrays alone mean "char i came from char i"). */
    private final boolean identity;

    private MappedText(String text, int originalLength, int[] starts, int[] ends, int[] runs,
                       boolean[] joined, boolean identity) {
        this.text = text;
        this.originalLength = originalLength;
        this.starts = starts;
        this.ends = ends;
        this.runs = runs;
        this.joined = joined;
        this.identity = identity;
    }

    /** A view that is the original text itself. */
    public static MappedText identity(String original) {
        Objects.requireNonNull(original, "original");
        return new MappedText(original, original.length(), null, null, null, null, true);
    }

    /**
     * A char-for-char substitution: {@code text} has the length of the text it was made from and its char
     * {@code i} came from char {@code i} there. Shares no arrays and needs none, so 1:1 steps cost no offsets.
     */
    static MappedText positional(String text) {
        return new MappedText(text, text.length(), null, null, null, null, false);
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public char charAt(int i) {
        return text.charAt(i);
    }

    public boolean isIdentity() {
        return identity;
    }

    /** Length of the original text this view maps into. */
    public int originalLength() {
        return originalLength;
    }

    /** Start (inclusive) in the original of the char at {@code i}. */
    public int originalStart(int i) {
        return starts == null ? i : starts[i];
    }

    /** End (exclusive) in the original of the char at {@code i}. */
    public int originalEnd(int i) {
        return ends == null ? i + 1 : ends[i];
    }

    /** How many identical chars of the unsqueezed text the char at {@code i} stands for (at least 1). */
    public int runLength(int i) {
        return runs == null ? 1 : runs[i];
    }

    /** True when the char at {@code i} came from letters split by spaces or punctuation. */
    public boolean joined(int i) {
        return joined != null && joined[i];
    }

    /**
     * Maps the view range {@code [start, end)} back to the smallest original range that covers it.
     * An empty range maps to an empty span at the corresponding original position.
     */
    public Span toOriginal(int start, int end) {
        if (start < 0 || end > text.length() || start > end) {
            throw new IndexOutOfBoundsException("[" + start + ", " + end + ") in view of length " + text.length());
        }
        if (start == end) {
            int at = start < text.length() ? originalStart(start)
                    : (text.isEmpty() ? 0 : originalEnd(text.length() - 1));
            return new Span(at, at);
        }
        if (starts == null) {
            return new Span(start, end);
        }
        int s = Integer.MAX_VALUE;
        int e = 0;
        // Maps are monotone in practice, but a transformation may reorder within a segment; take the cover.
        for (int i = start; i < end; i++) {
            s = Math.min(s, starts[i]);
            e = Math.max(e, ends[i]);
        }
        return new Span(s, e);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Builds a view char by char; each appended char names its original range. */
    public static final class Builder {
        private final int originalLength;
        private char[] chars;
        private int length;
        private int[] starts;
        private int[] ends;
        private int[] runs;
        private boolean[] joined;

        public Builder(int originalLength, int expectedLength) {
            this.originalLength = originalLength;
            int cap = Math.max(16, expectedLength);
            this.chars = new char[cap];
            this.starts = new int[cap];
            this.ends = new int[cap];
        }

        public Builder append(char c, int originalStart, int originalEnd) {
            return append(c, originalStart, originalEnd, 1, false);
        }

        public Builder append(char c, int originalStart, int originalEnd, int runLength, boolean isJoined) {
            if (originalStart < 0 || originalEnd < originalStart || originalEnd > originalLength) {
                throw new IllegalArgumentException("original range [" + originalStart + ", " + originalEnd
                        + ") outside text of length " + originalLength);
            }
            if (runLength < 1) {
                throw new IllegalArgumentException("run length " + runLength);
            }
            int i = length;
            ensureCapacity(i + 1);
            chars[i] = c;
            starts[i] = originalStart;
            ends[i] = originalEnd;
            if (runLength != 1 && runs == null) {
                runs = new int[starts.length];
                Arrays.fill(runs, 0, i, 1);
            }
            if (runs != null) runs[i] = runLength;
            if (isJoined && joined == null) {
                joined = new boolean[starts.length];
            }
            if (joined != null) joined[i] = isJoined;
            length = i + 1;
            return this;
        }

        /** Appends every char of {@code s}, all mapped to the same original range. */
        public Builder append(CharSequence s, int originalStart, int originalEnd) {
            for (int k = 0; k < s.length(); k++) {
                append(s.charAt(k), originalStart, originalEnd);
            }
            return this;
        }

        /**
         * Appends {@code original[from, to)} unchanged, each char mapped to itself: the bulk form of appending
         * an untouched stretch of the text this view is built from.
         */
        Builder appendUnchanged(String original, int from, int to) {
            if (from < 0 || to < from || to > originalLength || original.length() != originalLength) {
                throw new IllegalArgumentException("range [" + from + ", " + to + ") outside text of length "
                        + originalLength);
            }
            int n = to - from;
            ensureCapacity(length + n);
            original.getChars(from, to, chars, length);
            for (int k = 0; k < n; k++) {
                starts[length + k] = from + k;
                ends[length + k] = from + k + 1;
            }
            if (runs != null) Arrays.fill(runs, length, length + n, 1);
            length += n; // joined entries are already false
            return this;
        }

        /**
         * Widens the range of the last appended char to end at {@code originalEnd}: a dropped char that belongs
         * to it (a combining mark on its letter) stays covered by its span. No-op when nothing was appended.
         */
        Builder extendLast(int originalEnd) {
            if (originalEnd > originalLength) {
                throw new IllegalArgumentException("original end " + originalEnd + " outside text of length "
                        + originalLength);
            }
            if (length > 0 && originalEnd > ends[length - 1]) {
                ends[length - 1] = originalEnd;
            }
            return this;
        }

        private void ensureCapacity(int needed) {
            if (needed > starts.length) {
                int cap = Math.max(needed, Math.max(16, starts.length * 2));
                chars = Arrays.copyOf(chars, cap);
                starts = Arrays.copyOf(starts, cap);
                ends = Arrays.copyOf(ends, cap);
                if (runs != null) runs = Arrays.copyOf(runs, cap);
                if (joined != null) joined = Arrays.copyOf(joined, cap);
            }
        }

        public int length() {
            return length;
        }

        public MappedText build() {
            int n = length;
            return new MappedText(new String(chars, 0, n), originalLength, Arrays.copyOf(starts, n),
                    Arrays.copyOf(ends, n), runs == null ? null : Arrays.copyOf(runs, n),
                    joined == null ? null : Arrays.copyOf(joined, n), false);
        }
    }

    /**
     * Composes a view of a view: {@code outer} maps into {@code inner.text()}, and the result maps
     * straight into the original that {@code inner} maps into. Run lengths and joined marks of
     * {@code outer} are kept.
     */
    public static MappedText compose(MappedText inner, MappedText outer) {
        if (outer.originalLength != inner.length()) {
            throw new IllegalArgumentException("outer view does not map into inner view");
        }
        if (outer.identity) {
            return inner;
        }
        if (inner.identity) {
            return new MappedText(outer.text, inner.originalLength, outer.starts, outer.ends, outer.runs, outer.joined,
                    false);
        }
        int n = outer.length();
        int[] s;
        int[] e;
        if (outer.starts == null) { // outer is char-for-char: each char maps where the inner char did
            s = inner.starts;
            e = inner.ends;
        } else if (inner.starts == null) { // inner is char-for-char: outer offsets carry straight through
            s = outer.starts;
            e = outer.ends;
        } else {
            s = new int[n];
            e = new int[n];
            for (int i = 0; i < n; i++) {
                int os = outer.starts[i];
                int oe = outer.ends[i];
                if (oe > os) {
                    s[i] = inner.originalStart(os);
                    e[i] = inner.originalEnd(oe - 1);
                    if (e[i] < s[i]) { // defensive: non-monotone inner map
                        int t = s[i]; s[i] = e[i]; e[i] = t;
                    }
                } else {
                    int at = os < inner.length() ? inner.originalStart(os)
                            : (inner.length() == 0 ? 0 : inner.originalEnd(inner.length() - 1));
                    s[i] = at;
                    e[i] = at;
                }
            }
        }
        int[] runs = outer.runs;
        boolean[] joined = outer.joined;
        if (inner.joined != null) { // a char built from joined chars stays joined
            joined = joined == null ? new boolean[n] : joined.clone();
            for (int i = 0; i < n; i++) {
                int os = outer.originalStart(i);
                if (os < inner.length() && inner.joined[os]) joined[i] = true;
            }
        }
        if (inner.runs != null) { // a char standing for a squeezed run keeps that run's length
            runs = runs == null ? filledOnes(n) : runs.clone();
            for (int i = 0; i < n; i++) {
                int os = outer.originalStart(i);
                if (os < inner.length() && outer.originalEnd(i) - os == 1) runs[i] = Math.max(runs[i], inner.runs[os]);
            }
        }
        return new MappedText(outer.text, inner.originalLength, s, e, runs, joined, false);
    }

    private static int[] filledOnes(int n) {
        int[] r = new int[n];
        Arrays.fill(r, 1);
        return r;
    }
}
