package dev.parapet.core.text;

import java.util.List;

/**
 * Text written in binary ("01010111 01101000 01100001 01110100"): at least {@value #MIN_BYTES} bytes of eight
 * binary digits, each group standing as a word of its own or contiguous in one, one space or comma between
 * words, decoding to UTF-8 that reads as text. Each decoded char maps to its bytes' digits.
 */
final class BinaryPayloadDecoder implements PayloadDecoder {

    static final int MIN_BYTES = 4;

    @Override
    public Payload.Encoding encoding() {
        return Payload.Encoding.BINARY;
    }

    @Override
    public void decode(String text, DecodeBudget budget, List<Run> out) {
        int n = text.length();
        int i = 0;
        while (i < n && !budget.exhausted()) {
            // A bit first (most chars are none: one compare), then the char before: inside a run of digits,
            // wordEnd would read the rest of the run at every place.
            if (!isBit(text.charAt(i)) || (i > 0 && Chars.isAsciiAlnum(text.charAt(i - 1))) || wordEnd(text, i) < 0) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            int count = 0;
            for (int p = i; ; ) {
                int e = wordEnd(text, p);
                if (e < 0) {
                    break;
                }
                count += (e - p) / 8;
                end = e;
                if (e + 1 < n && (text.charAt(e) == ' ' || text.charAt(e) == ',') && wordEnd(text, e + 1) > 0) {
                    p = e + 1;
                } else if (e + 2 < n && text.charAt(e) == ',' && text.charAt(e + 1) == ' ' && wordEnd(text, e + 2) > 0) {
                    p = e + 2;
                } else {
                    break;
                }
            }
            i = Math.max(end, i + 1); // never rescan a run: keeps the scan linear
            if (count < MIN_BYTES || !budget.allows(count)) {
                continue;
            }
            byte[] bytes = new byte[count];
            int[] from = new int[count];
            int[] to = new int[count];
            int k = 0;
            for (int p = start; k < count; p++) {
                if (!isBit(text.charAt(p))) {
                    continue; // a separator
                }
                int b = 0;
                for (int q = p; q < p + 8; q++) {
                    b = b << 1 | (text.charAt(q) - '0');
                }
                bytes[k] = (byte) b;
                from[k] = p;
                to[k] = p + 8;
                k++;
                p += 7;
            }
            MappedText decoded = Utf8.decode(bytes, from, to, count, n, true);
            if (decoded != null && PayloadDecoder.looksLikeText(decoded.text())) {
                budget.take(count);
                out.add(new Run(encoding(), start, end, decoded));
            }
        }
    }

    /**
     * End of the word of binary digits at {@code p} when it is whole bytes (its length a multiple of eight) and
     * nothing alphanumeric follows it; else -1.
     */
    private static int wordEnd(String text, int p) {
        int e = p;
        while (e < text.length() && isBit(text.charAt(e))) {
            e++;
        }
        if (e == p || (e - p) % 8 != 0 || (e < text.length() && Chars.isAsciiAlnum(text.charAt(e)))) {
            return -1;
        }
        return e;
    }

    private static boolean isBit(char c) {
        return c == '0' || c == '1';
    }
}
