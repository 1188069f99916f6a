package dev.parapet.ml.train;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on texts cut for training, shared by the tests that cut them. */
final class TextAssertions {

    private TextAssertions() {
    }

    /** Every surrogate in {@code text} is half of a whole pair: no cut fell inside a character. */
    static void assertNoSplitSurrogatePair(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).isTrue();
            } else if (Character.isLowSurrogate(c)) {
                assertThat(i > 0 && Character.isHighSurrogate(text.charAt(i - 1))).isTrue();
            }
        }
    }
}
