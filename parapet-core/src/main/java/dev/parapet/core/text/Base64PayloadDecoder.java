package dev.parapet.core.text;

import java.util.List;

/**
 * Base64, standard or URL-safe, padded or not: maximal runs of at least 16 chars of the alphabet whose
 * decoding is valid UTF-8 that reads as text. Each decoded char maps to the 4-char groups of its bytes.
 */
final class Base64PayloadDecoder implements PayloadDecoder {

    private static final int MIN_LENGTH = 16;
    /** 6-bit values of both alphabets ("+" and "-" are 62, "/" and "_" 63), -1 elsewhere. */
    private static final byte[] VALUES = new byte[0x80];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int v = 0; v < alphabet.length(); v++) {
            VALUES[alphabet.charAt(v)] = (byte) v;
        }
        VALUES['-'] = 62;
        VALUES['_'] = 63;
    }

    @Override
    public Payload.Encoding encoding() {
        return Payload.Encoding.BASE64;
    }

    @Override
    public void decode(String text, DecodeBudget budget, List<Run> out) {
        int n = text.length();
        int i = 0;
        while (i < n && !budget.exhausted()) {
            if (value(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int start = i;
            boolean standard = false;
            boolean urlSafe = false;
            while (i < n && value(text.charAt(i)) >= 0) {
                char c = text.charAt(i);
                standard |= c == '+' || c == '/';
                urlSafe |= c == '-' || c == '_';
                i++;
            }
            int end = i;
            while (i < n && i - end < 2 && text.charAt(i) == '=') {
                i++;
            }
            int length = end - start;
            if (length < MIN_LENGTH || length % 4 == 1 || (standard && urlSafe)) {
                continue;
            }
            int size = length / 4 * 3 + (length % 4 == 0 ? 0 : length % 4 - 1);
            if (!budget.allows(size)) {
                continue;
            }
            MappedText decoded = decodeRun(text, start, end, size);
            if (decoded != null && PayloadDecoder.looksLikeText(decoded.text())) {
                budget.take(size);
                out.add(new Run(encoding(), start, i, decoded));
            }
        }
    }

    private static MappedText decodeRun(String text, int start, int end, int size) {
        byte[] bytes = new byte[size];
        int[] from = new int[size];
        int[] to = new int[size];
        int count = 0;
        int bits = 0;
        int pending = 0;
        for (int i = start; i < end; i++) {
            bits = (bits << 6) | value(text.charAt(i));
            pending += 6;
            if (pending >= 8) {
                pending -= 8;
                int group = start + (i - start) / 4 * 4;
                bytes[count] = (byte) (bits >> pending);
                from[count] = group;
                to[count] = Math.min(group + 4, end);
                count++;
                bits &= (1 << pending) - 1;
            }
        }
        return Utf8.decode(bytes, from, to, count, text.length(), true);
    }

    /** The 6-bit value of a char of either base64 alphabet, or -1. */
    private static int value(char c) {
        return c < 0x80 ? VALUES[c] : -1;
    }
}
