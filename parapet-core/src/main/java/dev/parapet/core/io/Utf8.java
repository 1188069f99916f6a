package dev.parapet.core.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding for input people hand to Parapet: strict (a bad byte is an error the caller reports with
 * file and line), or lenient (bad sequences become U+FFFD and are counted, so nothing is lost silently).
 */
public final class Utf8 {

    /** Decoded text and how many invalid sequences were replaced. */
    public record Lenient(String text, int replaced) {
    }

    private Utf8() {
    }

    /** Decodes all of {@code bytes}; throws on any invalid sequence. */
    public static String strict(byte[] bytes) throws CharacterCodingException {
        return strict(bytes, 0, bytes.length);
    }

    public static String strict(byte[] bytes, int offset, int length) throws CharacterCodingException {
        return decoder().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    }

    public static Lenient lenient(byte[] bytes) {
        return lenient(bytes, 0, bytes.length);
    }

    /** Decodes, replacing each invalid sequence with U+FFFD and counting the replacements. */
    public static Lenient lenient(byte[] bytes, int offset, int length) {
        CharsetDecoder dec = decoder();
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(Math.max(16, length));
        int replaced = 0;
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isUnderflow()) {
                dec.flush(out);
                break;
            }
            if (r.isOverflow() || out.remaining() < 1) {
                out = grow(out);
                if (r.isOverflow()) {
                    continue;
                }
            }
            replaced++; // malformed or unmappable: replace and skip the bad bytes
            out.put('\uFFFD');
            in.position(in.position() + r.length());
        }
        out.flip();
        return new Lenient(out.toString(), replaced);
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        bigger.put(out);
        return bigger;
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
