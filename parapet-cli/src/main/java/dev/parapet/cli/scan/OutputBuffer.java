package dev.parapet.cli.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer for one chunk's output lines. Not thread-safe: one worker fills it, then it is written. */
public final class OutputBuffer {

    private byte[] bytes = new byte[1 << 14];
    private int size;

    public OutputBuffer append(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    public OutputBuffer append(byte b) {
        ensure(1);
        bytes[size++] = b;
        return this;
    }

    /** Appends {@code s} as UTF-8. */
    public OutputBuffer append(String s) {
        return append(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends the decimal digits of {@code v}, as Java and JSON write a long. */
    public OutputBuffer append(long v) {
        return append(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
    }

    public int size() {
        return size;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
