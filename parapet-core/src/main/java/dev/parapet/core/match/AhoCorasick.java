package dev.parapet.core.match;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An Aho–Corasick automaton over UTF-16 chars: finds every occurrence of many patterns in one pass.
 * Immutable and thread-safe once built.
 *
 * <p>Memory-lean: states live in primitive arrays. Each state's outgoing edges are one contiguous
 * slice, sorted by char, of a shared {@code long[]} holding char and target together (one cache line
 * per probe; searched linearly when short, by binary search otherwise); the root has a direct table over all 65,536 chars because nearly every
 * step of a scan over benign text starts there. Failure links and dictionary-suffix links (the
 * nearest proper suffix state that ends a pattern) are computed breadth-first, so reporting the
 * matches at a position costs only the matches themselves.
 *
 * <p>Two ways to scan: {@link #search} over a {@link CharSequence}, or step by step with
 * {@link #root()}, {@link #next(int, char)} and {@link #matches(int, int, MatchSink)} when the
 * caller produces the chars itself (e.g. a folded or squeezed form of a text).
 */
public final class AhoCorasick {

    /** Receives matches; {@code start} and {@code end} are half-open positions in the scanned input. */
    @FunctionalInterface
    public interface MatchSink {
        /** @return false to stop the scan */
        boolean onMatch(int pattern, int start, int end);
    }

    private static final int ROOT = 0;
    /** Above this many edges a state's slice is binary-searched. */
    private static final int LINEAR_LIMIT = 8;

    private final int[] rootNext;     // char -> state after the root, ROOT when none
    private final int[] edgeStart;    // state -> first edge; edgeStart[state + 1] ends the slice
    private final long[] edges;       // char << 32 | target, sorted by char within each state's slice
    private final int[] fail;
    private final int[] output;       // state -> a pattern ending exactly here, or -1
    private final int[] dictLink;     // state -> nearest proper suffix state with an output, ROOT when none
    private final int[] nextSame;     // pattern -> another pattern with the same text, or -1
    private final int[] patternLength;

    private AhoCorasick(int[] rootNext, int[] edgeStart, long[] edges, int[] fail,
                        int[] output, int[] dictLink, int[] nextSame, int[] patternLength) {
        this.rootNext = rootNext;
        this.edgeStart = edgeStart;
        this.edges = edges;
        this.fail = fail;
        this.output = output;
        this.dictLink = dictLink;
        this.nextSame = nextSame;
        this.patternLength = patternLength;
    }

    /**
     * Builds an automaton; the id of each pattern is its index in {@code patterns}. Duplicates are
     * allowed and each is reported.
     *
     * @throws IllegalArgumentException when a pattern is empty
     * @throws NullPointerException     when a pattern is null
     */
    public static AhoCorasick build(List<String> patterns) {
        int count = patterns.size();
        String[] texts = new String[count];
        long totalChars = 0;
        for (int i = 0; i < count; i++) {
            String p = patterns.get(i);
            if (p == null) {
                throw new NullPointerException("pattern " + i + " is null");
            }
            if (p.isEmpty()) {
                throw new IllegalArgumentException("pattern " + i + " is empty");
            }
            texts[i] = p;
            totalChars += p.length();
        }
        if (totalChars >= Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("patterns too large: " + totalChars + " chars");
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> texts[a].compareTo(texts[b]));
        return new Builder(texts, order, (int) totalChars + 1).build();
    }

    /** Number of patterns, including duplicates. */
    public int patternCount() {
        return patternLength.length;
    }

    /** Length in chars of pattern {@code id}. */
    public int patternLength(int id) {
        return patternLength[id];
    }

    /** Number of states, the root included. */
    public int stateCount() {
        return fail.length;
    }

    /** The distinct chars on this automaton's edges, ascending. */
    char[] edgeChars() {
        return java.util.stream.LongStream.of(edges).map(e -> e >>> 32).distinct().sorted()
                .collect(StringBuilder::new, (sb, c) -> sb.append((char) c), StringBuilder::append).toString()
                .toCharArray();
    }

    /** Approximate heap size of this automaton in bytes. */
    public long estimatedBytes() {
        return 16L * 10 + arrayBytes(rootNext.length, 4) + arrayBytes(edgeStart.length, 4)
                + arrayBytes(edges.length, 8) + arrayBytes(fail.length, 4)
                + arrayBytes(output.length, 4) + arrayBytes(dictLink.length, 4) + arrayBytes(nextSame.length, 4)
                + arrayBytes(patternLength.length, 4);
    }

    private static long arrayBytes(int length, int width) {
        return 16L + (long) length * width;
    }

    /**
     * Reports every occurrence of every pattern inside {@code text[from, to)}, in order of end
     * position, until the sink returns false.
     */
    public void search(CharSequence text, int from, int to, MatchSink sink) {
        Objects.checkFromToIndex(from, to, text.length());
        int state = ROOT;
        for (int i = from; i < to; i++) {
            state = next(state, text.charAt(i));
            if (hasMatches(state) && !matches(state, i + 1, sink)) {
                return;
            }
        }
    }

    /** Reports every occurrence in the whole of {@code text}. */
    public void search(CharSequence text, MatchSink sink) {
        search(text, 0, text.length(), sink);
    }

    // ---- stepping ----

    /** The start state. */
    public int root() {
        return ROOT;
    }

    /** The state after reading {@code c} in {@code state}. */
    public int next(int state, char c) {
        while (state != ROOT) {
            int t = edge(state, c);
            if (t != ROOT) {
                return t;
            }
            state = fail[state];
        }
        return rootNext[c];
    }

    /** True when some pattern ends in {@code state}. */
    public boolean hasMatches(int state) {
        return output[state] >= 0 || dictLink[state] != ROOT;
    }

    /**
     * Reports the patterns that end in {@code state}, with {@code end} as the position after the
     * last char read; each start is {@code end - patternLength}.
     *
     * @return false when the sink asked to stop
     */
    public boolean matches(int state, int end, MatchSink sink) {
        int s = output[state] >= 0 ? state : dictLink[state];
        while (s != ROOT) {
            for (int p = output[s]; p >= 0; p = nextSame[p]) {
                if (!sink.onMatch(p, end - patternLength[p], end)) {
                    return false;
                }
            }
            s = dictLink[s];
        }
        return true;
    }

    /** The target of the edge from {@code state} on {@code c}, or ROOT when there is none. */
    private int edge(int state, char c) {
        int lo = edgeStart[state];
        int hi = edgeStart[state + 1] - 1;
        // Most misses fall outside the slice's char range (spaces, punctuation): two compares, no search.
        if (lo > hi) {
            return ROOT;
        }
        char first = (char) (edges[lo] >>> 32);
        char last = (char) (edges[hi] >>> 32);
        if (c < first || c > last) {
            return ROOT;
        }
        if (last - first == hi - lo) { // a gap-free run of chars (e.g. all of a-z): index directly
            return (int) edges[lo + (c - first)];
        }
        if (hi - lo < LINEAR_LIMIT) {
            for (int i = lo; i <= hi; i++) {
                long e = edges[i];
                char k = (char) (e >>> 32);
                if (k >= c) {
                    return k == c ? (int) e : ROOT;
                }
            }
            return ROOT;
        }
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char k = (char) (edges[mid] >>> 32);
            if (k < c) {
                lo = mid + 1;
            } else if (k > c) {
                hi = mid - 1;
            } else {
                return (int) edges[mid];
            }
        }
        return ROOT;
    }

    /** Builds the trie from sorted patterns, flattens it, then links it. Used once. */
    private static final class Builder {
        private final String[] texts;
        private final Integer[] order;
        private final int[] parent;
        private final char[] label;
        private int states = 1;

        Builder(String[] texts, Integer[] order, int maxStates) {
            this.texts = texts;
            this.order = order;
            this.parent = new int[maxStates];
            this.label = new char[maxStates];
        }

        AhoCorasick build() {
            int count = texts.length;
            int[] nextSame = new int[count];
            int[] lengths = new int[count];
            int[] terminal = new int[count];
            int longest = 0;
            for (String t : texts) {
                longest = Math.max(longest, t.length());
            }
            // Sorted insertion: a pattern shares its longest common prefix with the previous one, and
            // every new child sorts after its existing siblings, so the trie needs no lookups at all.
            int[] path = new int[longest + 1];
            String previous = "";
            for (int id : order) {
                String p = texts[id];
                int lcp = 0;
                int max = Math.min(p.length(), previous.length());
                while (lcp < max && p.charAt(lcp) == previous.charAt(lcp)) {
                    lcp++;
                }
                int state = path[lcp];
                for (int i = lcp; i < p.length(); i++) {
                    int s = states++;
                    parent[s] = state;
                    label[s] = p.charAt(i);
                    path[i + 1] = s;
                    state = s;
                }
                terminal[id] = state;
                lengths[id] = p.length();
                previous = p;
            }
            int n = states;
            int[] output = new int[n]; // by creation id until renumbered
            Arrays.fill(output, -1);
            Arrays.fill(nextSame, -1);
            for (int k = count - 1; k >= 0; k--) { // so that same-text patterns report in id order
                int id = order[k];
                nextSame[id] = output[terminal[id]];
                output[terminal[id]] = id;
            }

            // Flatten: children of a state were created in ascending char order, so each slice is sorted.
            int[] slice = new int[n + 1];
            for (int s = 1; s < n; s++) {
                slice[parent[s] + 1]++;
            }
            for (int s = 0; s < n; s++) {
                slice[s + 1] += slice[s];
            }
            int[] children = new int[n - 1];
            int[] fill = Arrays.copyOf(slice, n);
            for (int s = 1; s < n; s++) {
                children[fill[parent[s]]++] = s;
            }

            // Renumber breadth-first: the shallow states that nearly every step visits sit together in
            // memory, and linking can then walk the states in plain order.
            int[] byBreadth = new int[n]; // new id -> creation id
            int[] renumbered = new int[n]; // creation id -> new id
            int tail = 1;
            for (int head = 0; head < n; head++) {
                int old = byBreadth[head];
                renumbered[old] = head;
                for (int e = slice[old]; e < slice[old + 1]; e++) {
                    byBreadth[tail++] = children[e];
                }
            }
            int[] edgeStart = new int[n + 1];
            long[] edges = new long[n - 1];
            int[] rootNext = new int[Character.MAX_VALUE + 1];
            int[] outputs = new int[n];
            int e = 0;
            for (int s = 0; s < n; s++) {
                int old = byBreadth[s];
                outputs[s] = output[old];
                edgeStart[s] = e;
                for (int k = slice[old]; k < slice[old + 1]; k++) {
                    int child = children[k];
                    int target = renumbered[child];
                    edges[e++] = (long) label[child] << 32 | target;
                    if (s == ROOT) {
                        rootNext[label[child]] = target;
                    }
                }
            }
            edgeStart[n] = e;
            output = outputs;

            int[] fail = new int[n];
            int[] dictLink = new int[n];
            new AhoCorasick(rootNext, edgeStart, edges, fail, output, dictLink, nextSame, lengths).link();
            // A fresh instance, so the links written above are published through its final fields.
            return new AhoCorasick(rootNext, edgeStart, edges, fail, output, dictLink, nextSame, lengths);
        }
    }

    /** Computes failure and dictionary-suffix links; states are numbered breadth-first, so in order. */
    private void link() {
        int n = fail.length;
        for (int s = 0; s < n; s++) {
            for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
                int t = (int) edges[e];
                int f = s == ROOT ? ROOT : next(fail[s], (char) (edges[e] >>> 32));
                fail[t] = f;
                dictLink[t] = output[f] >= 0 ? f : dictLink[f];
            }
        }
    }
}
