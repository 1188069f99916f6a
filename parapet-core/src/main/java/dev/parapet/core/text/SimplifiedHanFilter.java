package dev.parapet.core.text;

import com.ibm.icu.text.Transliterator;

/**
 * Writes Traditional Chinese characters as their Simplified forms (媽 → 妈, 幹 → 干, 髮 → 发), char for char, so a
 * term written once in either script meets text written in the other: "操你媽" meets "操你妈", and a Simplified
 * injection cue meets the same words typed in Taiwan or Hong Kong. Japanese kanji that share a Traditional form
 * fold the same way; Japanese terms go through this step too, so they still meet Japanese text.
 *
 * <p>The mapping is ICU's {@code Traditional-Simplified} transliterator, read once per char of the CJK Unified
 * Ideographs and Extension A blocks into a table on first use (about 0.3 s, paid only by a process that meets a
 * Han char). Chars whose Simplified form is a supplementary char stay as they are, since a step must keep every
 * char's place; a form that maps again is followed to its end (see {@link Table#end}), so the step is idempotent.
 */
final class SimplifiedHanFilter extends CharForCharFilter {

    private static final char FIRST = '\u3400';
    private static final char LAST = '\u9FFF';

    SimplifiedHanFilter(TextFilter input) {
        super(input);
    }

    @Override
    char map(char c) {
        return c < FIRST || c > LAST ? c : Table.SIMPLIFIED[c - FIRST];
    }

    /** The table, built when a Han char first needs it (the holder idiom: once, thread-safe, never changed). */
    private static final class Table {

        static final char[] SIMPLIFIED = build();

        private static char[] build() {
            int n = LAST - FIRST + 1;
            // One call for every char, each on a line of its own, so that no phrase rule joins two of them.
            StringBuilder all = new StringBuilder(2 * n);
            for (int i = 0; i < n; i++) {
                all.append((char) (FIRST + i)).append('\n');
            }
            String[] forms = Transliterator.getInstance("Traditional-Simplified").transliterate(all.toString())
                    .split("\n", -1);
            char[] table = new char[n];
            for (int i = 0; i < n; i++) {
                String form = i < forms.length ? forms[i] : "";
                char c = (char) (FIRST + i);
                table[i] = form.length() == 1 && form.charAt(0) >= FIRST && form.charAt(0) <= LAST ? form.charAt(0) : c;
            }
            char[] end = new char[n];
            for (int i = 0; i < n; i++) {
                end[i] = end(table, (char) (FIRST + i));
            }
            return end;
        }

        /**
         * Where a char's forms lead: a chain (a → b → c) is followed to its end; a cycle (ICU maps 苎 and 苧 to each
         * other) ends at its smallest char, so every char of it, and every chain into it, ends alike.
         */
        private static char end(char[] table, char c) {
            for (int step = 0; step < 16; step++) {
                c = table[c - FIRST];
            }
            char least = c; // now on the cycle or the chain's end (ICU's chains are a step or two long)
            char d = table[c - FIRST];
            for (int step = 0; step < 16 && d != c; step++, d = table[d - FIRST]) {
                least = (char) Math.min(least, d);
            }
            return least;
        }
    }
}
