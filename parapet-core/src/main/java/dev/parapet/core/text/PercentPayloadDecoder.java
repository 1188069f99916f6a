package dev.parapet.core.text;

import java.util.List;

/**
 * URL (percent) encoding: a whitespace-delimited token with at least three %XX escapes is decoded as UTF-8,
 * "+" read as a space and malformed bytes as U+FFFD. Each decoded char maps to its escapes or chars.
 */
final class PercentPayloadDecoder implements PayloadDecoder {

    private static final int MIN_ESCAPES = 3;

    @Override
    public Payload.Encoding encoding() {
        return Payload.Encoding.URL;
    }

    @Override
    public void decode(String text, DecodeBudget budget, List<Run> out) {
        if (!hasPercents(text)) {
            return;
        }
        int n = text.length();
        int i = 0;
        while (i < n && !budget.exhausted()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int escapes = 0;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                if (isEscape(text, i)) {
                    escapes++;
                    i += 3;
                } else {
                    i++;
                }
            }
            int end = Math.min(i, n);
            i = end;
            if (escapes < MIN_ESCAPES) {
                continue;
            }
            int size = 0; // bytes: one per escape, at most three per other char (four per surrogate pair)
            for (int k = start; k < end; k += isEscape(text, k) ? 3 : 1) {
                size += isEscape(text, k) ? 1 : 3;
            }
            if (!budget.allows(size)) {
                continue;
            }
            MappedText decoded = decodeToken(text, start, end, size);
            if (decoded.length() > 0 && hasLetter(decoded.text())) {
                budget.take(size);
                out.add(new Run(encoding(), start, end, decoded));
            }
        }
    }

    private static MappedText decodeToken(String text, int start, int end, int size) {
        byte[] bytes = new byte[size];
        int[] from = new int[size];
        int[] to = new int[size];
        int count = 0;
        for (int k = start; k < end; ) {
            if (isEscape(text, k)) {
                bytes[count] = (byte) (hex(text.charAt(k + 1)) << 4 | hex(text.charAt(k + 2)));
                from[count] = k;
                to[count++] = k + 3;
                k += 3;
                continue;
            }
            int cp = text.codePointAt(k);
            int next = Math.min(end, k + Character.charCount(cp));
            if (cp == '+') {
                cp = ' ';
            } else if (Character.isSurrogate(text.charAt(k)) && next == k + 1) {
                cp = 0xFFFD; // an unpaired surrogate has no UTF-8 form
            }
            int first = count;
            if (cp < 0x80) {
                bytes[count++] = (byte) cp;
            } else if (cp < 0x800) {
                bytes[count++] = (byte) (0xC0 | cp >> 6);
                bytes[count++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                bytes[count++] = (byte) (0xE0 | cp >> 12);
                bytes[count++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[count++] = (byte) (0x80 | cp & 0x3F);
            } else {
                bytes[count++] = (byte) (0xF0 | cp >> 18);
                bytes[count++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[count++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[count++] = (byte) (0x80 | cp & 0x3F);
            }
            for (int b = first; b < count; b++) {
                from[b] = k;
                to[b] = next;
            }
            k = next;
        }
        return Utf8.decode(bytes, from, to, count, text.length(), false);
    }

    private static boolean hasPercents(String text) {
        int found = 0;
        for (int i = text.indexOf('%'); i >= 0 && found < MIN_ESCAPES; i = text.indexOf('%', i + 1)) {
            found++;
        }
        return found >= MIN_ESCAPES;
    }

    private static boolean isEscape(String text, int k) {
        return text.charAt(k) == '%' && k + 2 < text.length() && hex(text.charAt(k + 1)) >= 0
                && hex(text.charAt(k + 2)) >= 0;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Chars.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
