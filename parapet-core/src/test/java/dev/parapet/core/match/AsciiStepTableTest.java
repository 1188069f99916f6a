package dev.parapet.core.match;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dense table steps through the same states as the automaton and marks exactly the states asked for. */
class AsciiStepTableTest {

    @Property(tries = 300)
    void sameStatesAndMarksAsTheAutomaton(@ForAll("patterns") List<String> patterns, @ForAll("texts") String text) {
        AhoCorasick ac = AhoCorasick.build(patterns);
        AsciiStepTable table = AsciiStepTable.of(ac, p -> p % 2 == 0, Integer.MAX_VALUE);
        int state = ac.root();
        int row = AsciiStepTable.ROOT;
        for (int i = 0; i < text.length(); i++) {
            state = ac.next(state, text.charAt(i));
            row = table.next(row, text.charAt(i));
            assertThat(table.state(row)).isEqualTo(state);
            boolean[] even = new boolean[1];
            ac.matches(state, i + 1, (p, s, e) -> {
                even[0] |= p % 2 == 0;
                return true;
            });
            assertThat(table.marked(row)).isEqualTo(even[0]);
        }
    }

    @Property(tries = 300)
    void stepsAndSearchesAnyTextAsTheAutomaton(@ForAll("patterns") List<String> patterns,
                                               @ForAll("mixedTexts") String text) {
        AhoCorasick ac = AhoCorasick.build(patterns);
        AsciiStepTable table = AsciiStepTable.of(ac, p -> p % 2 == 0, Integer.MAX_VALUE);
        int state = ac.root();
        int cursor = AsciiStepTable.ROOT;
        for (int i = 0; i < text.length(); i++) {
            state = ac.next(state, text.charAt(i));
            cursor = table.step(cursor, text.charAt(i));
            assertThat(table.cursorState(cursor)).isEqualTo(state);
            assertThat(table.cursorMatches(cursor)).isEqualTo(ac.hasMatches(state));
        }
        List<int[]> expected = new java.util.ArrayList<>();
        ac.search(text, (p, s, e) -> expected.add(new int[] {p, s, e}));
        List<int[]> actual = new java.util.ArrayList<>();
        table.search(text, (p, s, e) -> actual.add(new int[] {p, s, e}));
        assertThat(actual).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(expected);
    }

    @Test
    void nonAsciiPatternsAreLeftOutAndTheSizeIsBounded() {
        AhoCorasick ac = AhoCorasick.build(List.of("ab", "ßx", "abc"));
        AsciiStepTable table = AsciiStepTable.of(ac, p -> true, 100);
        assertThat(table.rows()).isEqualTo(4); // root, a, ab, abc; not ß or ßx
        assertThatThrownBy(() -> AsciiStepTable.of(ac, p -> true, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 3");
    }

    @Test
    void aTableOfMoreThan65536RowsStepsAsTheAutomaton() {
        List<String> words = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 40_000; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = 0; k < 7; k++) {
                w.append((char) ('a' + random.nextInt(10)));
            }
            words.add(w.toString());
        }
        AhoCorasick ac = AhoCorasick.build(words);
        AsciiStepTable table = AsciiStepTable.of(ac, p -> true, Integer.MAX_VALUE);
        assertThat(table.rows()).isGreaterThan(65_536);
        String text = String.join(" ", words.subList(0, 2_000)) + "abcdefgh".repeat(100);
        int state = ac.root();
        int row = AsciiStepTable.ROOT;
        for (int i = 0; i < text.length(); i++) {
            state = ac.next(state, text.charAt(i));
            row = table.next(row, text.charAt(i));
            assertThat(table.state(row)).isEqualTo(state);
            assertThat(table.marked(row)).isEqualTo(ac.hasMatches(state));
        }
    }

    @Provide
    Arbitrary<List<String>> patterns() {
        return Arbitraries.strings().withChars("abc *-é").ofMinLength(1).ofMaxLength(5).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> mixedTexts() {
        return Arbitraries.strings().withChars("abcd *-é_ßx").ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abcd *-_!").ofMaxLength(60);
    }
}
