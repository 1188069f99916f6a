package dev.parapet.core.match;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.IntPredicate;

/**
 * A dense transition table for the part of an {@link AhoCorasick} automaton that ASCII input reaches:
 * one step is one array read, with no edge search and no failure links to follow. Built for scans of
 * plain ASCII text that only ask whether some pattern of interest ends somewhere; the states of interest
 * are marked at build time, so the scan loop needs nothing else. A state of the table is a row; {@link
 * #state} gives the automaton's state for a row, to read its matches there. Immutable and thread-safe.
 *
 * <p>It also steps any text, ASCII or not, with {@link #step}: through the table while the automaton is in an
 * ASCII state, through the automaton itself from a non-ASCII char until a step comes back to the root.
 *
 * <p>The marked rows are numbered last, so that {@link #marked} is one comparison: a scan loop steps the table
 * and reads nothing else per char.
 *
 * <p>Size: rows × alphabet classes × 2 bytes (4 above 65,536 rows), where the rows are the states whose path from the root is
 * all ASCII and the classes the distinct ASCII chars on the automaton's edges, plus one for all others.
 */
public final class AsciiStepTable {

    /** The row of the automaton's root. */
    public static final int ROOT = 0;

    private final byte[] classOf; // ASCII char -> class; 0 for chars on no edge
    private final int classes;
    private final char[] narrow;  // row * classes + class -> row, when every row fits in a char; else null
    private final int[] wide;     // the same when they do not; else null
    private final int[] stateOf;  // row -> the automaton's state
    private final int firstMarked; // rows from here on are marked
    private final boolean[] matching; // row -> some pattern, of interest or not, ends in its state
    private final AhoCorasick automaton;

    private AsciiStepTable(byte[] classOf, int classes, int[] table, int[] stateOf, int firstMarked,
                           boolean[] matching, AhoCorasick automaton) {
        this.classOf = classOf;
        this.classes = classes;
        // Half the bytes, so more of the table stays in the cache, whenever the rows allow.
        if (stateOf.length <= Character.MAX_VALUE + 1) {
            this.narrow = new char[table.length];
            for (int i = 0; i < table.length; i++) {
                narrow[i] = (char) table[i];
            }
            this.wide = null;
        } else {
            this.narrow = null;
            this.wide = table;
        }
        this.stateOf = stateOf;
        this.firstMarked = firstMarked;
        this.matching = matching;
        this.automaton = automaton;
    }

    /**
     * The table of {@code automaton}'s ASCII part.
     *
     * @param ofInterest which patterns count: a row is {@link #marked} when one of them ends in its state
     * @throws IllegalArgumentException when the table would exceed {@code maxRows} rows
     */
    public static AsciiStepTable of(AhoCorasick automaton, IntPredicate ofInterest, int maxRows) {
        byte[] classOf = new byte[128];
        int classes = 1;
        for (char c : automaton.edgeChars()) {
            if (c < 128 && classOf[c] == 0) {
                classOf[c] = (byte) classes++;
            }
        }
        char[] representative = new char[classes];
        for (char c = 1; c < 128; c++) {
            representative[classOf[c]] = c;
        }
        representative[0] = 0; // a char on no edge: always back to the root
        int[] rowOfState = new int[automaton.stateCount()];
        Arrays.fill(rowOfState, -1);
        int[] stateOf = new int[16];
        int rows = 0;
        Deque<Integer> queue = new ArrayDeque<>();
        rowOfState[automaton.root()] = rows;
        stateOf[rows++] = automaton.root();
        queue.add(automaton.root());
        int[] table = new int[16 * classes];
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int row = rowOfState[s];
            if ((long) (row + 1) * classes > table.length) {
                table = Arrays.copyOf(table, Math.max(table.length * 2, (row + 1) * classes));
            }
            for (int k = 0; k < classes; k++) {
                int t = k == 0 ? automaton.root() : automaton.next(s, representative[k]);
                if (rowOfState[t] < 0) {
                    if (rows == maxRows) {
                        throw new IllegalArgumentException("more than " + maxRows + " ASCII states");
                    }
                    if (rows == stateOf.length) {
                        stateOf = Arrays.copyOf(stateOf, rows * 2);
                    }
                    rowOfState[t] = rows;
                    stateOf[rows++] = t;
                    queue.add(t);
                }
                table[row * classes + k] = rowOfState[t];
            }
        }
        boolean[] marked = new boolean[rows];
        boolean[] matching = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            int state = stateOf[r];
            matching[r] = automaton.hasMatches(state);
            if (matching[r]) {
                boolean[] found = new boolean[1];
                automaton.matches(state, 0, (pattern, start, end) -> {
                    found[0] = ofInterest.test(pattern);
                    return !found[0];
                });
                marked[r] = found[0];
            }
        }
        // Renumber: unmarked rows first, in the order found (the root, never marked, stays row 0), then marked.
        int[] renumbered = new int[rows];
        int unmarked = 0;
        for (int r = 0; r < rows; r++) {
            unmarked += marked[r] ? 0 : 1;
        }
        int nextUnmarked = 0;
        int nextMarked = unmarked;
        for (int r = 0; r < rows; r++) {
            renumbered[r] = marked[r] ? nextMarked++ : nextUnmarked++;
        }
        int[] steps = new int[rows * classes];
        int[] states = new int[rows];
        boolean[] matches = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            int to = renumbered[r];
            for (int k = 0; k < classes; k++) {
                steps[to * classes + k] = renumbered[table[r * classes + k]];
            }
            states[to] = stateOf[r];
            matches[to] = matching[r];
        }
        return new AsciiStepTable(classOf, classes, steps, states, unmarked, matches, automaton);
    }

    /** The row after reading {@code c} (an ASCII char, {@code c < 128}) in {@code row}. */
    public int next(int row, char c) {
        int i = row * classes + classOf[c];
        return narrow != null ? narrow[i] : wide[i];
    }

    /** True when a pattern of interest ends in {@code row}'s state. */
    public boolean marked(int row) {
        return row >= firstMarked;
    }

    /** The automaton's state for {@code row}, to read its matches with {@link AhoCorasick#matches}. */
    public int state(int row) {
        return stateOf[row];
    }

    /**
     * One step of the whole automaton over any char, for scans that report every match: a cursor is a row
     * ({@code >= 0}, the automaton in an ASCII state) or {@code -1 - state} (the automaton in a state that
     * only a non-ASCII char reaches). Start at {@link #ROOT}; {@link #cursorState} and {@link #cursorMatches}
     * read the automaton's state. The same states as {@link AhoCorasick#next}, mostly at one array read.
     */
    public int step(int cursor, char c) {
        if (cursor >= 0 && c < 128) {
            return next(cursor, c);
        }
        int state = automaton.next(cursorState(cursor), c);
        return state == automaton.root() ? ROOT : -1 - state;
    }

    /** Every match of every pattern in {@code text}, as {@link AhoCorasick#search} reports them, by {@link #step}. */
    public void search(CharSequence text, AhoCorasick.MatchSink sink) {
        int cursor = ROOT;
        for (int i = 0; i < text.length(); i++) {
            cursor = step(cursor, text.charAt(i));
            if (cursorMatches(cursor) && !automaton.matches(cursorState(cursor), i + 1, sink)) {
                return;
            }
        }
    }

    /** The automaton's state at {@code cursor} (see {@link #step}). */
    public int cursorState(int cursor) {
        return cursor >= 0 ? stateOf[cursor] : -1 - cursor;
    }

    /** True when some pattern (of interest or not) ends in the state at {@code cursor}. */
    public boolean cursorMatches(int cursor) {
        return cursor >= 0 ? matching[cursor] : automaton.hasMatches(-1 - cursor);
    }

    /** Number of rows. */
    public int rows() {
        return stateOf.length;
    }

    /** Approximate heap size in bytes. */
    public long estimatedBytes() {
        long table = narrow != null ? 2L * narrow.length : 4L * wide.length;
        return 16L * 8 + 16 + 128 + 16 + table + 16 + 4L * stateOf.length + 16 + matching.length;
    }
}
