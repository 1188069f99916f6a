package dev.parapet.eval.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads lines of bytes with a length cap, so one huge line cannot exhaust memory; decodes UTF-8 strictly. */
final class ByteLines {

    /** A line: its text, or why it could not be read. */
    record Line(long number, String text, String problem) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private long number;

    ByteLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator; {@code null} at the end of the input. */
    Line next() throws IOException {
        byte[] line = new byte[256];
        int len = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) return null;
                    break;
                }
            }
            any = true;
            byte b = buf[pos++];
            if (b == '\n') break;
            if (tooLong) continue;
            if (len == maxBytes) {
                tooLong = true;
                continue;
            }
            if (len == line.length) line = Arrays.copyOf(line, Math.min(maxBytes, line.length * 2));
            line[len++] = b;
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "line longer than " + maxBytes + " bytes");
        }
        if (len > 0 && line[len - 1] == '\r') len--;
        int start = number == 1 && len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF ? 3 : 0; // a UTF-8 byte-order mark
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, start, len - start)).toString();
            return new Line(number, s, null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "invalid UTF-8 (is the file in another encoding?)");
        }
    }
}
