package dev.parapet.core.text;

/**
 * Decodes UTF-8 bytes whose place in a text is known into a view of that text: each decoded char maps to the
 * range covered by its bytes. Written out by hand because the JDK decoders do not report where each char
 * came from.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Decodes {@code bytes[0, count)}; byte {@code k} came from {@code [from[k], to[k])} of a text of length
     * {@code sourceLength}. Strict decoding returns null on any malformed sequence; lenient decoding turns
     * each malformed byte into U+FFFD.
     */
    static MappedText decode(byte[] bytes, int[] from, int[] to, int count, int sourceLength, boolean strict) {
        MappedText.Builder out = new MappedText.Builder(sourceLength, count);
        int i = 0;
        while (i < count) {
            int b0 = bytes[i] & 0xFF;
            int length;
            int cp;
            int min;
            if (b0 < 0x80) {
                length = 1;
                cp = b0;
                min = 0;
            } else if (b0 >= 0xC2 && b0 <= 0xDF) {
                length = 2;
                cp = b0 & 0x1F;
                min = 0x80;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                length = 3;
                cp = b0 & 0x0F;
                min = 0x800;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                length = 4;
                cp = b0 & 0x07;
                min = 0x10000;
            } else {
                length = -1;
                cp = 0;
                min = 0;
            }
            boolean valid = length > 0 && i + length <= count;
            for (int k = 1; valid && k < length; k++) {
                int b = bytes[i + k] & 0xFF;
                valid = (b & 0xC0) == 0x80;
                cp = (cp << 6) | (b & 0x3F);
            }
            valid = valid && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
            if (!valid) {
                if (strict) {
                    return null;
                }
                out.append('\uFFFD', from[i], to[i]);
                i++;
                continue;
            }
            int start = from[i];
            int end = to[i];
            for (int k = 1; k < length; k++) {
                start = Math.min(start, from[i + k]);
                end = Math.max(end, to[i + k]);
            }
            if (cp < 0x10000) {
                out.append((char) cp, start, end);
            } else {
                out.append(Character.highSurrogate(cp), start, end).append(Character.lowSurrogate(cp), start, end);
            }
            i += length;
        }
        return out.build();
    }
}
