package dev.parapet.core.text;

import java.util.List;

/**
 * Hex-encoded text: at least 8 bytes of two hex digits each, contiguous ("48656c6c6f") or with a "\x" or
 * "0x" prefix and up to two of " ,:;-" between bytes ("\x48\x65", "0x48, 0x65", "48 65"), standing as a
 * word of its own and decoding to UTF-8 that reads as text. Each decoded char maps to its bytes' digits.
 */
final class HexPayloadDecoder implements PayloadDecoder {

    private static final int MIN_BYTES = 8;

    @Override
    public Payload.Encoding encoding() {
        return Payload.Encoding.HEX;
    }

    @Override
    public void decode(String text, DecodeBudget budget, List<Run> out) {
        int n = text.length();
        int i = 0;
        while (i < n && !budget.exhausted()) {
            if ((i > 0 && Chars.isAsciiAlnum(text.charAt(i - 1))) || byteEnd(text, i) < 0) {
                i++;
                continue;
            }
            int start = i;
            int count = 0;
            int end = i;
            for (int p = i; ; ) {
                int e = byteEnd(text, p);
                if (e < 0) {
                    break;
                }
                count++;
                end = e;
                p = e;
                if (byteEnd(text, p) < 0) { // not contiguous: try a short separator
                    int s = p;
                    while (s < n && s - p < 2 && isSeparator(text.charAt(s))) {
                        s++;
                    }
                    p = s > p ? s : p;
                }
            }
            i = end; // never rescan a run: keeps the scan linear
            if (count < MIN_BYTES || (end < n && Chars.isAsciiAlnum(text.charAt(end))) || !budget.allows(count)) {
                continue;
            }
            byte[] bytes = new byte[count];
            int[] from = new int[count];
            int[] to = new int[count];
            int k = 0;
            for (int p = start; k < count; ) {
                while (byteEnd(text, p) < 0) {
                    p++; // separators
                }
                int e = byteEnd(text, p);
                bytes[k] = (byte) (digit(text.charAt(e - 2)) << 4 | digit(text.charAt(e - 1)));
                from[k] = p;
                to[k] = e;
                k++;
                p = e;
            }
            MappedText decoded = Utf8.decode(bytes, from, to, count, n, true);
            if (decoded != null && PayloadDecoder.looksLikeText(decoded.text())) {
                budget.take(count);
                out.add(new Run(encoding(), start, end, decoded));
            }
        }
    }

    /** End of the byte written at {@code p} (optional "\x" or "0x", then two hex digits), or -1. */
    private static int byteEnd(String text, int p) {
        int n = text.length();
        if (p + 1 < n && (text.charAt(p) == '\\' || text.charAt(p) == '0')
                && (text.charAt(p + 1) == 'x' || text.charAt(p + 1) == 'X')) {
            p += 2;
        }
        if (p + 1 < n && digit(text.charAt(p)) >= 0 && digit(text.charAt(p + 1)) >= 0) {
            return p + 2;
        }
        return -1;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == ',' || c == ':' || c == ';' || c == '-';
    }


    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
