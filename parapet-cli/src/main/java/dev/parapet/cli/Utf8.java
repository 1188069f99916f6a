package dev.parapet.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that replaces bad sequences with U+FFFD and counts them, so nothing is lost silently. */
final class Utf8 {

    record Decoded(String text, int replaced) {
    }

    private Utf8() {
    }

    static Decoded decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    static Decoded decode(byte[] bytes, int offset, int length) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(Math.max(16, length));
        int replaced = 0;
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isUnderflow()) {
                dec.flush(out);
                break;
            }
            if (r.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
                out.flip();
                bigger.put(out);
                out = bigger;
                continue;
            }
            // malformed or unmappable: replace and skip the bad bytes
            replaced++;
            if (out.remaining() < 1) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
                out.flip();
                bigger.put(out);
                out = bigger;
            }
            out.put('\uFFFD');
            in.position(in.position() + r.length());
        }
        out.flip();
        return new Decoded(out.toString(), replaced);
    }
}
