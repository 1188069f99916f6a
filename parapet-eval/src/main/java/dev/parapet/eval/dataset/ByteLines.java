package dev.parapet.eval.dataset;

import dev.parapet.core.io.LineReader;
import dev.parapet.core.io.Utf8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;

/** Numbered lines of a data file, decoded strictly: a line that is too long or not UTF-8 says why. */
final class ByteLines {

    /** A line: its text, or why it could not be read. */
    record Line(long number, String text, String problem) {
    }

    private final LineReader lines;
    private final int maxBytes;
    private long number;

    ByteLines(InputStream in, int maxBytes) {
        this.lines = new LineReader(in, maxBytes);
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator; {@code null} at the end of the input. */
    Line next() throws IOException {
        LineReader.Line l = lines.next();
        if (l == null) {
            return null;
        }
        number++;
        if (l.tooLong()) {
            return new Line(number, null, "line longer than " + maxBytes + " bytes");
        }
        byte[] b = l.bytes();
        int start = number == 1 && l.length() >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB
                && (b[2] & 0xFF) == 0xBF ? 3 : 0; // a UTF-8 byte-order mark
        try {
            return new Line(number, Utf8.strict(b, start, l.length() - start), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "invalid UTF-8 (is the file in another encoding?)");
        }
    }
}
