package dev.parapet.core.text;

import java.util.Arrays;

/**
 * Joins letters written apart: "k.i.l.l", "k i l l", "f-u-c-k" and "5 h 1 t" become one word, marked as
 * joined; the separators between them are removed.
 *
 * <p>A chain is three or more single letters (a leet digit or symbol counts as a letter, a repeated letter
 * like "aaa" counts as one) each separated from the next by the same separator char, repeated or not (space,
 * "." "-" "_" "*" "," "/" "|" "+" "~" "·" and a few others). To leave prose alone, a chain must hold at least
 * two real letters and must not be one letter repeated ("a a a"); a chain never crosses a change of
 * separator, so in "a k.i.l.l" the "a" stays a word. Letters of Han, kana, Hangul and Bopomofo are words
 * of their own and never join.
 *
 * <p>Every reason to refuse a chain also refuses each part of it; with the keys below this is what makes
 * the whole normalisation idempotent (a second pass finds no chain the first one refused).
 */
final class SplitLetterJoinFilter extends TextFilter {

    private static final int MIN_CHAIN = 3;

    SplitLetterJoinFilter(TextFilter input) {
        super(input);
    }

    @Override
    MappedText transform(String text) {
        Chains chains = new Chains();
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            if (!Chars.isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int key = -1;
            boolean uniform = true;
            boolean letter = false;
            boolean cjk = false;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!Chars.isWordChar(cp)) {
                    break;
                }
                if (!Chars.isMark(cp)) {
                    int k = key(cp);
                    if (key == -1) {
                        key = k;
                    } else if (k != key) {
                        uniform = false;
                        i = skipWord(text, i); // an ordinary word: the rest of it cannot matter
                        break;
                    }
                    if (Chars.isLetter(cp)) {
                        letter = true;
                        cjk |= Chars.isCjk(cp);
                    }
                }
                i += Character.charCount(cp);
            }
            if (uniform && !cjk && key != -1) {
                chains.single(text, start, i, key, letter);
            } else {
                chains.breakChain();
            }
        }
        chains.breakChain();
        return chains.count == 0 ? null : chains.join(text);
    }

    /** End of the word chars starting at {@code i}. */
    private static int skipWord(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (!Chars.isWordChar(c)) {
                    break;
                }
                i++;
            } else {
                int cp = text.codePointAt(i);
                if (!Chars.isWordChar(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
        }
        return i;
    }

    /**
     * What a char will read as once leet and look-alikes are folded. Cells are compared by this key, so that
     * the later steps can never turn a word that did not join into one that would.
     */
    static int key(int cp) {
        char leet = Leet.letterFor(cp);
        if (leet != 0) {
            return leet;
        }
        char proto = Confusables.prototypeOf(cp);
        return proto != 0 ? proto : cp;
    }

    static boolean isSeparator(char c) {
        return switch (c) {
            case ' ', '\t', '.', '-', '_', '*', ',', '/', '\\', '|', '+', '~', ':', '\'', '"', '^',
                    '\u00B7', '\u2022', '\u2027', '\u2219', '\u22C5', '\u2010', '\u2011', '\u2012', '\u2013',
                    '\u2014', '\u2015' -> true;
            default -> false;
        };
    }

    /** The separator char filling {@code text[from, to)}, or -1 when the gap is not one repeated separator. */
    private static int gapChar(String text, int from, int to) {
        char c = text.charAt(from);
        if (!isSeparator(c)) {
            return -1;
        }
        for (int k = from + 1; k < to; k++) {
            if (text.charAt(k) != c) {
                return -1;
            }
        }
        return c;
    }

    /**
     * Single letters read so far that are linked by separators (a group), and the chains accepted so far.
     * A group splits into chains where the separator changes; the letter at such a change goes to one of
     * the two chains (see {@link #breakChain}). Local to one call.
     */
    private static final class Chains {
        // the current group: cells, and the separator before each cell but the first
        private int size;
        private int[] starts = new int[8];
        private int[] ends = new int[8];
        private int[] keys = new int[8];
        private boolean[] letters = new boolean[8];
        private int[] separators = new int[8];
        // accepted chains, in text order: the bounds of their cells, flattened, and how many cells each has
        private int[] cells = new int[0];
        private int cellCount;
        private int[] sizes = new int[0];
        private int count;

        void single(String text, int start, int end, int key, boolean letter) {
            int separator = -1;
            if (size > 0) {
                separator = gapChar(text, ends[size - 1], start);
                if (separator < 0) {
                    breakChain();
                }
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
                letters = Arrays.copyOf(letters, size * 2);
                separators = Arrays.copyOf(separators, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            keys[size] = key;
            letters[size] = letter;
            separators[size] = separator;
            size++;
        }

        /** Ends the current group: splits it into chains and records the acceptable ones. */
        void breakChain() {
            if (size < MIN_CHAIN) {
                size = 0;
                return;
            }
            int groupStart = count;
            int limit = size - 1; // last cell still free for the chain being decided
            int last = size - 1;
            while (last > 0) {
                int first = runStart(last);
                if (first == 0) {
                    if (acceptable(0, limit)) {
                        record(0, limit);
                    }
                    break;
                }
                // Cell `first` ends the chain on its left and starts this one: it goes right when that makes
                // this chain acceptable, unless the left chain is acceptable with it and the left is preferred.
                int leftFirst = runStart(first);
                boolean right = acceptable(first, limit);
                boolean left = acceptable(leftFirst == 0 ? 0 : leftFirst + 1, first);
                if (right && (!left || prefersRight(separators[first], separators[first + 1]))) {
                    record(first, limit);
                    limit = first - 1;
                } else {
                    if (acceptable(first + 1, limit)) {
                        record(first + 1, limit);
                    }
                    limit = first;
                }
                last = first;
            }
            reverse(groupStart);
            size = 0;
        }

        /** First cell of the chain whose last cell is {@code last}: where its separator began. */
        private int runStart(int last) {
            int first = last;
            while (first > 0 && separators[first] == separators[last]) {
                first--;
            }
            return first;
        }

        /**
         * A letter between a space and another separator belongs to the chain on the other side: spaces
         * part words ("k i l l f-u-c-k", "a k.i.l.l").
         */
        private static boolean prefersRight(int leftSeparator, int rightSeparator) {
            return isSpace(leftSeparator) && !isSpace(rightSeparator);
        }

        private static boolean isSpace(int c) {
            return c == ' ' || c == '\t';
        }

        /** Every reason to refuse cells [from, to] refuses each part of them too (see the class comment). */
        private boolean acceptable(int from, int to) {
            if (to - from + 1 < MIN_CHAIN) {
                return false;
            }
            int letterCount = 0;
            boolean sameKey = true;
            for (int k = from; k <= to; k++) {
                letterCount += letters[k] ? 1 : 0;
                sameKey &= keys[k] == keys[from];
            }
            return letterCount >= 2 && !sameKey;
        }

        private void record(int from, int to) {
            int n = to - from + 1;
            if (cells.length < 2 * (cellCount + n)) {
                cells = Arrays.copyOf(cells, Math.max(16, 4 * (cellCount + n)));
            }
            for (int k = from; k <= to; k++) {
                cells[2 * cellCount] = starts[k];
                cells[2 * cellCount + 1] = ends[k];
                cellCount++;
            }
            if (count == sizes.length) {
                sizes = Arrays.copyOf(sizes, Math.max(8, count * 2));
            }
            sizes[count++] = n;
        }

        /** Chains of one group were recorded right to left; put them back in text order. */
        private void reverse(int groupStart) {
            int chains = count - groupStart;
            if (chains < 2) {
                return;
            }
            int firstCell = cellCount;
            for (int c = groupStart; c < count; c++) {
                firstCell -= sizes[c];
            }
            int[] groupCells = Arrays.copyOfRange(cells, 2 * firstCell, 2 * cellCount);
            int[] groupSizes = Arrays.copyOfRange(sizes, groupStart, count);
            int cell = firstCell;
            int offset = groupCells.length;
            for (int c = chains - 1; c >= 0; c--) {
                int n = groupSizes[c];
                offset -= 2 * n;
                System.arraycopy(groupCells, offset, cells, 2 * cell, 2 * n);
                cell += n;
                sizes[groupStart + chains - 1 - c] = n;
            }
        }

        MappedText join(String text) {
            MappedText.Builder out = new MappedText.Builder(text.length(), text.length());
            int pos = 0;
            int cell = 0;
            for (int c = 0; c < count; c++) {
                copy(out, text, pos, cells[2 * cell]);
                for (int k = 0; k < sizes[c]; k++, cell++) {
                    for (int j = cells[2 * cell]; j < cells[2 * cell + 1]; j++) {
                        out.append(text.charAt(j), j, j + 1, 1, true);
                    }
                }
                pos = cells[2 * cell - 1];
            }
            copy(out, text, pos, text.length());
            return out.build();
        }
    }
}
