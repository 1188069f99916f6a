package dev.parapet.detect.injection;

import dev.parapet.core.text.MappedText;

/**
 * Decodes text hidden in Unicode tag characters (U+E0020..U+E007E, invisible when rendered): each maps to
 * the ASCII char 0x20..0x7E, a trick used to smuggle instructions past human readers.
 */
final class TagText {

    private TagText() {
    }

    /** The hidden ASCII text, each char mapped to its two UTF-16 units in {@code text}; empty when none. */
    static MappedText decode(String text) {
        MappedText.Builder b = null;
        for (int i = 0; i + 1 < text.length(); i++) {
            char hi = text.charAt(i);
            if (hi != '\uDB40') {
                continue;
            }
            int cp = Character.toCodePoint(hi, text.charAt(i + 1));
            if (cp >= 0xE0020 && cp <= 0xE007E) {
                if (b == null) {
                    b = new MappedText.Builder(text.length(), 64);
                }
                b.append(Character.toLowerCase((char) (cp - 0xE0000)), i, i + 2);
                i++;
            }
        }
        return b == null ? MappedText.identity("") : b.build();
    }
}
