package dev.parapet.ml.detect;

import dev.parapet.core.finding.Span;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WindowsTest {

    @Test
    void aShortTextIsOneWindow() {
        assertThat(Windows.of("hello", 100)).containsExactly(new Span(0, 5));
    }

    @Test
    void longTextsOverlapAndEndAtSpaces() {
        String text = "word ".repeat(100);
        List<Span> w = Windows.of(text, 100);
        assertThat(w.size()).isGreaterThan(5);
        for (Span s : w) {
            assertThat(s.length()).isLessThanOrEqualTo(100);
            assertThat(s.end() == text.length() || text.charAt(s.end() - 1) == ' ').isTrue();
        }
        assertThat(w.get(w.size() - 1).end()).isEqualTo(text.length());
    }

    @Test
    void hostileInputWithoutSpacesIsCutAnyway() {
        List<Span> w = Windows.of("x".repeat(100_000), 600);
        assertThat(w.size()).isBetween(300, 400);
    }

    @Property(tries = 300)
    void windowsCoverEveryCharAndRespectTheLimit(@ForAll String text, @ForAll @IntRange(min = 10, max = 80) int max) {
        List<Span> w = Windows.of(text, max);
        int covered = 0;
        for (Span s : w) {
            assertThat(s.length()).isLessThanOrEqualTo(max);
            assertThat(s.start()).isLessThanOrEqualTo(covered);
            covered = Math.max(covered, s.end());
        }
        assertThat(covered).isEqualTo(text.length());
    }
}
