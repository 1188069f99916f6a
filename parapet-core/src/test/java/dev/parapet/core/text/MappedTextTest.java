package dev.parapet.core.text;

import dev.parapet.core.finding.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Offset maps: building, char-for-char views and composition. */
class MappedTextTest {

    @Test
    void identityIsTheOriginalItself() {
        MappedText id = MappedText.identity("abc");
        assertThat(id.isIdentity()).isTrue();
        assertThat(id.toOriginal(1, 3)).isEqualTo(new Span(1, 3));
        assertThat(id.toOriginal(3, 3)).isEqualTo(new Span(3, 3));
    }

    @Test
    void positionalViewMapsCharForCharButIsNotTheOriginal() {
        MappedText v = MappedText.positional("xyz");
        assertThat(v.isIdentity()).isFalse();
        assertThat(v.originalStart(2)).isEqualTo(2);
        assertThat(v.originalEnd(2)).isEqualTo(3);
        assertThat(v.toOriginal(0, 2)).isEqualTo(new Span(0, 2));
    }

    @Test
    void composingAPositionalViewKeepsTheInnerOffsets() {
        MappedText inner = new MappedText.Builder(6, 3).append('a', 0, 2).append('b', 2, 3).append('c', 3, 6).build();
        MappedText composed = MappedText.compose(inner, MappedText.positional("ABC"));
        assertThat(composed.text()).isEqualTo("ABC");
        assertThat(composed.toOriginal(2, 3)).isEqualTo(new Span(3, 6));
        assertThat(composed.originalLength()).isEqualTo(6);

        MappedText outer = new MappedText.Builder(3, 1).append('Z', 1, 3, 2, true).build();
        MappedText throughPositional = MappedText.compose(MappedText.positional("abc"), outer);
        assertThat(throughPositional.toOriginal(0, 1)).isEqualTo(new Span(1, 3));
        assertThat(throughPositional.runLength(0)).isEqualTo(2);
        assertThat(throughPositional.joined(0)).isTrue();
    }

    @Test
    void composingKeepsRunLengthsAndJoinedMarksOfTheInnerView() {
        MappedText inner = new MappedText.Builder(5, 2).append('a', 0, 4, 4, true).append('b', 4, 5).build();
        MappedText outer = new MappedText.Builder(2, 2).append('A', 0, 1).append('B', 1, 2).build();
        MappedText composed = MappedText.compose(inner, outer);
        assertThat(composed.runLength(0)).isEqualTo(4);
        assertThat(composed.joined(0)).isTrue();
        assertThat(composed.joined(1)).isFalse();
        assertThat(composed.toOriginal(0, 2)).isEqualTo(new Span(0, 5));
    }

    @Test
    void appendUnchangedCopiesAStretchMappedToItself() {
        MappedText v = new MappedText.Builder(5, 0).append('X', 0, 1).appendUnchanged("hello", 2, 5).build();
        assertThat(v.text()).isEqualTo("Xllo");
        assertThat(v.originalStart(1)).isEqualTo(2);
        assertThat(v.originalEnd(3)).isEqualTo(5);
        assertThatThrownBy(() -> new MappedText.Builder(5, 0).appendUnchanged("hello", 3, 6))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extendLastWidensTheLastCharOnly() {
        MappedText v = new MappedText.Builder(6, 2).append('a', 0, 1).append('b', 1, 2).extendLast(6).build();
        assertThat(v.toOriginal(0, 1)).isEqualTo(new Span(0, 1));
        assertThat(v.toOriginal(1, 2)).isEqualTo(new Span(1, 6));
        assertThat(new MappedText.Builder(3, 0).extendLast(3).build().length()).isZero();
    }

    @Test
    void builderRejectsRangesOutsideTheOriginal() {
        assertThatThrownBy(() -> new MappedText.Builder(3, 1).append('a', 2, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MappedText.Builder(3, 1).append('a', 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
