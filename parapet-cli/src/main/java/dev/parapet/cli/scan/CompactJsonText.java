package dev.parapet.cli.scan;

import java.nio.charset.StandardCharsets;

/**
 * Reads the commonest JSON Lines shape without a parser: a line that is exactly {@code {"FIELD":"…"}}
 * (spaces or tabs allowed after the colon and before the closing brace, as Python's {@code json.dumps}
 * writes {@code {"FIELD": "…"}}; no other key) with a string of valid UTF-8 whose escapes, if any, are the short ones or
 * {@code \}{@code uXXXX} outside the surrogates, in an ASCII string. Anything else (other keys, spaces,
 * invalid UTF-8, a raw control char, an unknown escape, text after the object) is left to the JSON
 * parser, which then reports it or reads it as before. Immutable and thread-safe.
 */
final class CompactJsonText {

    private final byte[] prefix; // {"FIELD":

    private CompactJsonText(byte[] prefix) {
        this.prefix = prefix;
    }

    /** A reader for the top-level {@code field}, or null when the name needs escaping or is a dotted path. */
    static CompactJsonText of(String field) {
        if (field.isEmpty() || field.indexOf('.') >= 0) {
            return null;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                return null;
            }
        }
        return new CompactJsonText(("{\"" + field + "\":").getBytes(StandardCharsets.US_ASCII));
    }

    /** The field's text on {@code line[0, n)} when the line has the compact shape, or null. */
    String read(byte[] line, int n) {
        int p = prefix.length;
        while (n > p && isBlank(line[n - 1])) {
            n--; // blanks after the object: JSON allows them, the parser's path would accept them too
        }
        if (n < p + 3 || line[n - 1] != '}') {
            return null;
        }
        for (int i = 0; i < p; i++) {
            if (line[i] != prefix[i]) {
                return null;
            }
        }
        while (p < n && isBlank(line[p])) {
            p++;
        }
        if (p >= n || line[p] != '"') {
            return null;
        }
        int close = n - 2; // the string's closing quote, before any blanks before the brace
        while (close > p && isBlank(line[close])) {
            close--;
        }
        int start = p + 1;
        int end = -1;
        boolean escapes = false;
        boolean ascii = true;
        for (int i = start; i < n; i++) {
            int b = line[i];
            if (b == '"') {
                end = i;
                break;
            }
            if (b == '\\') {
                escapes = true;
                i++; // the escaped char cannot end the string
            } else if (b < 0) {
                ascii = false;
            } else if (b < 0x20) {
                return null; // not allowed raw in a JSON string
            }
        }
        if (end < 0 || end != close) {
            return null;
        }
        if (!escapes) {
            String text = new String(line, start, end - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            // Invalid UTF-8 becomes U+FFFD here; the parser's path reports it, so let it.
            return ascii || text.indexOf('\uFFFD') < 0 ? text : null;
        }
        return ascii ? unescape(line, start, end) : null;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static String unescape(byte[] line, int start, int end) {
        char[] out = new char[end - start];
        int k = 0;
        for (int i = start; i < end; i++) {
            char c = (char) line[i];
            if (c != '\\') {
                out[k++] = c;
                continue;
            }
            char e = (char) line[++i];
            switch (e) {
                case '"', '\\', '/' -> out[k++] = e;
                case 'n' -> out[k++] = '\n';
                case 't' -> out[k++] = '\t';
                case 'r' -> out[k++] = '\r';
                case 'b' -> out[k++] = '\b';
                case 'f' -> out[k++] = '\f';
                case 'u' -> {
                    if (i + 4 >= end) {
                        return null;
                    }
                    int v = 0;
                    for (int j = 1; j <= 4; j++) {
                        int d = Character.digit((char) line[i + j], 16);
                        if (d < 0) {
                            return null;
                        }
                        v = v << 4 | d;
                    }
                    if (v >= 0xD800 && v <= 0xDFFF) {
                        return null; // a surrogate: let the parser pair it
                    }
                    out[k++] = (char) v;
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return new String(out, 0, k);
    }
}
