package dev.parapet.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as raw bytes, so that a line with invalid UTF-8 or NUL bytes is reported on its own
 * instead of failing the whole file, and so that one enormous line cannot exhaust memory.
 */
public final class LineReader {

    /** A line of bytes without its terminator; {@code tooLong} when it was cut at the limit. */
    public record Line(byte[] bytes, int length, boolean tooLong, long rawLength) {
    }

    private final InputStream in;
    private final int maxLength;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;

    public LineReader(InputStream in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line, or null at the end of input. */
    public Line next() throws IOException {
        byte[] line = new byte[256];
        int len = 0;
        long raw = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    return any ? finish(line, len, tooLong, raw) : null;
                }
            }
            any = true;
            byte b = buf[pos++];
            raw++;
            if (b == '\n') {
                return finish(line, len, tooLong, raw);
            }
            if (len < maxLength) {
                if (len == line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLength, line.length * 2));
                }
                line[len++] = b;
            } else {
                tooLong = true;
            }
        }
    }

    private static Line finish(byte[] line, int len, boolean tooLong, long raw) {
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return new Line(line, len, tooLong, raw);
    }

    private boolean fill() throws IOException {
        int n = in.read(buf);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
