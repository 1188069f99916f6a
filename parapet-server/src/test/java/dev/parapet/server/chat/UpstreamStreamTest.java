package dev.parapet.server.chat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamStreamTest {

    @Test
    void readsTheDataOfEachEvent() throws IOException {
        List<String> events = events(stream("data: {\"a\":1}\n\n: keep-alive\n\nevent: x\ndata:{\"b\":2}\r\n\r\n"
                + "data: one\ndata:  two\n\ndata: [DONE]\n\n", 8192));
        assertThat(events).containsExactly("{\"a\":1}", "{\"b\":2}", "one\n two", "[DONE]");
    }

    @Test
    void anEventWithoutItsBlankLineEndsAtTheEndOfTheStream() throws IOException {
        assertThat(events(stream("data: last", 3))).containsExactly("last");
        assertThat(events(stream("data: é\r\ndata: ü", 1))).containsExactly("é\nü");
    }

    @Test
    void aLineLongerThanTheBoundIsRefused() {
        String huge = "data: " + "x".repeat(UpstreamStream.MAX_LINE_BYTES) + "\n\n";
        assertThatThrownBy(() -> events(stream(huge, 8192))).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than");
    }

    /** Whatever the bytes and however they arrive, the events are those of a plain line-by-line reading. */
    @Property(tries = 300)
    void sameEventsAsReadingLineByLine(@ForAll("sse") String text, @ForAll("pieces") int piece) throws IOException {
        assertThat(events(stream(text, piece))).isEqualTo(reference(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> sse() {
        return Arbitraries.of("data:", "data: ", "data", ":", " ", "\n", "\r\n", "\r", "event: e", "id: 7", "x", "é",
                "\u20ac", "{\"content\":\"Hi\"}", "[DONE]").list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Integer> pieces() {
        return Arbitraries.integers().between(1, 17);
    }

    private static List<String> events(UpstreamStream s) throws IOException {
        List<String> out = new ArrayList<>();
        for (Optional<String> e = s.next(); e.isPresent(); e = s.next()) {
            out.add(e.get());
        }
        return out;
    }

    /** A stream whose reads return at most {@code piece} bytes, as a network delivers them. */
    private static UpstreamStream stream(String text, int piece) {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, piece));
            }
        };
        return new UpstreamStream(in);
    }

    /** Server-sent events read the plain way: each line decoded, then its field looked at. */
    private static List<String> reference(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                lines.add(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
                line.reset();
            } else {
                line.write(b);
            }
        }
        if (line.size() > 0) {
            lines.add(line.toString(StandardCharsets.UTF_8));
        }
        List<String> events = new ArrayList<>();
        StringBuilder data = null;
        for (String l : lines) {
            if (l.isEmpty()) {
                if (data != null) {
                    events.add(data.toString());
                    data = null;
                }
            } else if (l.startsWith("data:")) {
                String v = l.substring(5);
                v = v.startsWith(" ") ? v.substring(1) : v;
                data = data == null ? new StringBuilder(v) : data.append('\n').append(v);
            }
        }
        if (data != null) {
            events.add(data.toString());
        }
        return events;
    }
}
