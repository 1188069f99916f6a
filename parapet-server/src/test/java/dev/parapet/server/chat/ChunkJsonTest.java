package dev.parapet.server.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The text chunks written straight to bytes are the bytes Jackson writes for the same chunk as a tree. */
class ChunkJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private ChunkJson chunks() {
        ObjectNode template = mapper.createObjectNode();
        template.put("id", "chatcmpl-\"1\"\u00e9");
        template.put("object", "chat.completion.chunk");
        template.put("created", 1_700_000_000L);
        template.put("model", "m\u2028\u0001");
        template.put("system_fingerprint", "fp");
        return new ChunkJson(mapper, template);
    }

    private byte[] viaTree(ChunkJson chunks, int index, String key, String text) throws Exception {
        ObjectNode delta = mapper.createObjectNode();
        delta.put(key, text);
        return mapper.writeValueAsBytes(chunks.chunk(index, delta, null));
    }

    @Property(tries = 2000)
    void sameBytesAsTheTree(@ForAll String text, @ForAll @IntRange(min = 0, max = 20_000) int index) throws Exception {
        ChunkJson chunks = chunks();
        for (String key : new String[] {"content", "reasoning_content"}) {
            assertThat(chunks.text(index, key, text)).isEqualTo(viaTree(chunks, index, key, text));
        }
    }

    @Test
    void escapesWhatJsonNeedsAndKeepsTheRest() throws Exception {
        ChunkJson chunks = chunks();
        String text = "a\"b\\c\n\t\u0000\u001f \u00e9\u4e2d\ud83d\ude00 </script>";
        byte[] bytes = chunks.text(3, "content", text);
        assertThat(bytes).isEqualTo(viaTree(chunks, 3, "content", text));
        assertThat(mapper.readTree(bytes).at("/choices/0/delta/content").textValue()).isEqualTo(text);
        assertThat(mapper.readTree(bytes).at("/choices/0/index").intValue()).isEqualTo(3);
    }

    @Test
    void unpairedSurrogatesAsTheTreeWritesThem() throws Exception {
        ChunkJson chunks = chunks();
        for (String text : new String[] {"\ud800", "x\udfffy", "\ude00\ud83d", "end\ud83d"}) {
            assertThat(chunks.text(0, "reasoning", text)).as(text).isEqualTo(viaTree(chunks, 0, "reasoning", text));
        }
    }
}
