package dev.parapet.core.text;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

import static org.assertj.core.api.Assertions.assertThat;

/** ASCII lowercasing changes A–Z and nothing else, and returns a text without them as it is. */
class CharsProperties {

    private static String reference(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    @Property(tries = 1000)
    void lowersAsciiLettersOnly(@ForAll String text) {
        assertThat(dev.parapet.core.text.Chars.lowerAscii(text)).isEqualTo(reference(text));
    }

    @Property(tries = 1000)
    void latin1Texts(@ForAll @CharRange(from = 0, to = 0xFF) String text) {
        assertThat(dev.parapet.core.text.Chars.lowerAscii(text)).isEqualTo(reference(text));
    }

    @Property(tries = 300)
    void aTextWithoutUpperCaseIsReturnedItself(@ForAll @Chars({'a', 'z', ' ', '1', '\u00c9', '\u4e2d'}) String text) {
        assertThat(dev.parapet.core.text.Chars.lowerAscii(text)).isSameAs(text);
    }

    @Example
    void mixed() {
        assertThat(dev.parapet.core.text.Chars.lowerAscii("Hello \u00c9COLE \u4e2dX")).isEqualTo("hello \u00c9cole \u4e2dx");
        assertThat(dev.parapet.core.text.Chars.lowerAscii("\u00c0B\u00ff")).isEqualTo("\u00c0b\u00ff");
    }
}
