package dev.parapet.cli.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser-free read of compact lines gives what Jackson reads, and leaves every line it does not
 * fully understand (bad UTF-8, raw control chars, odd escapes, spaces elsewhere, other keys, cut lines) to Jackson.
 */
class CompactJsonTextTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final CompactJsonText TEXT = CompactJsonText.of("text");

    @Property(tries = 2000)
    void anyStringWrittenByJacksonIsReadBack(@ForAll String text) throws Exception {
        byte[] line = MAPPER.writeValueAsBytes(Map.of("text", text));
        String read = TEXT.read(line, line.length);
        Statistics.label("read without the parser").collect(read != null);
        if (read != null) {
            assertThat(read).isEqualTo(text);
        }
    }

    @Property(tries = 3000)
    void whatItReadsJacksonReadsTheSame(@ForAll("lines") byte[] line) {
        String read = TEXT.read(line, line.length);
        Statistics.label("read without the parser").collect(read != null);
        if (read == null) {
            return;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("read " + read + " from a line Jackson rejects: "
                    + new String(line, StandardCharsets.ISO_8859_1), e);
        }
        assertThat(node.size()).isEqualTo(1);
        assertThat(node.get("text").isTextual()).isTrue();
        assertThat(read).isEqualTo(node.get("text").asText());
    }

    @Example
    void shapes() {
        assertThat(read("{\"text\":\"hello\"}")).isEqualTo("hello");
        assertThat(read("{\"text\":\"\"}")).isEqualTo("");
        assertThat(read("{\"text\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\"}")).isEqualTo("a\"b\\c/d\n\té");
        assertThat(read("{\"text\":\"caf\u00e9 \u4e2d\u6587\"}")).isEqualTo("caf\u00e9 \u4e2d\u6587");
        assertThat(read("{\"text\": \"spaced\"}")).isEqualTo("spaced");
        assertThat(read("{\"text\":\t \"tabbed\" }")).isEqualTo("tabbed");
        assertThat(read("{ \"text\":\"a\"}")).isNull();
        assertThat(read("{\"text\": 1}")).isNull();
        assertThat(read("{\"text\":  }")).isNull();
        assertThat(read("{\"text\":\"a\",\"id\":1}")).isNull();
        assertThat(read("{\"text\":\"a\"} ")).isEqualTo("a");
        assertThat(read("{\"text\":\"a\\x\"}")).isNull();
        assertThat(read("{\"text\":\"\\ud83d\\ude00\"}")).isNull();
        assertThat(read("{\"text\":\"tab\there\"}")).isNull();
        assertThat(read("{\"text\":\"cut")).isNull();
        assertThat(read("{\"text\":\"a\\\"}")).isNull();
        byte[] bad = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThat(TEXT.read(bad, bad.length)).isNull();
        assertThat(CompactJsonText.of("a.b")).isNull();
        assertThat(CompactJsonText.of("q\"")).isNull();
    }

    private static String read(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return TEXT.read(b, b.length);
    }

    /** Compact lines and damaged ones: bytes of every kind inside, escapes whole and cut, endings changed. */
    @Provide
    Arbitrary<byte[]> lines() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6),
                Arbitraries.of("\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u00e9", "\\u0000", "\\ud83d", "\\ude00",
                        "\\u12", "\\x", "\\", "\"", "\u00e9", "\u4e2d", "\uD83D\uDE00", "\t", "\u0001", "}", " "));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(4);
        Arbitrary<String> end = Arbitraries.of("\"}", "\"}", "\"} ", "\"", "}", "\",\"x\":1}", "\" }", "\"\t}\t", " }");
        Arbitrary<String> start = Arbitraries.of("{\"text\":\"", "{\"text\": \"", "{\"text\":\t\"", "{\"text\": ");
        return piece.list().ofMaxSize(8).flatMap(pieces -> raw.flatMap(r -> start.flatMap(st -> end.map(e -> {
            StringBuilder b = new StringBuilder(st);
            pieces.forEach(b::append);
            byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
            byte[] tail = e.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[head.length + r.length + tail.length];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(r, 0, out, head.length, r.length);
            System.arraycopy(tail, 0, out, head.length + r.length, tail.length);
            return out;
        }))));
    }
}
