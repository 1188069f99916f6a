package dev.parapet.server.chat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The chunks of one relayed stream ({@code chat.completion.chunk} objects): the stream's own fields (id,
 * object, created, model, …) from a template, then one choice. A chunk that carries text, most of a
 * stream's chunks, is written straight to bytes, the same bytes Jackson writes for its tree: no tree is
 * built, copied and serialised per token. Not thread-safe: a stream is relayed by one thread.
 */
final class ChunkJson {

    private static final byte[] DELTA = ",\"delta\":{".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "},\"logprobs\":null,\"finish_reason\":null}]}".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper;
    private final ObjectNode template;
    private final byte[] head; // the template's JSON without its closing brace, then the choices array's opening

    /** @param template the stream's own fields; it has at least one */
    ChunkJson(ObjectMapper mapper, ObjectNode template) {
        this.mapper = mapper;
        this.template = template;
        String json = write(template);
        this.head = (json.substring(0, json.length() - 1) + ",\"choices\":[{\"index\":").getBytes(StandardCharsets.UTF_8);
    }

    /** A chunk with one choice: its index, its delta and its finish reason (null while it goes on). */
    ObjectNode chunk(int index, ObjectNode delta, String finishReason) {
        ObjectNode o = template.deepCopy();
        ObjectNode ch = o.putArray("choices").addObject();
        ch.put("index", index);
        ch.set("delta", delta);
        ch.putNull("logprobs");
        if (finishReason == null) {
            ch.putNull("finish_reason");
        } else {
            ch.put("finish_reason", finishReason);
        }
        return o;
    }

    /** The JSON of {@code chunk(index, {key: text}, null)}, written without the tree. */
    byte[] text(int index, String key, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + text.length() + 80);
        out.writeBytes(head);
        out.writeBytes(Integer.toString(index).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(DELTA);
        out.write('"');
        out.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(key)); // a field name of this code: ASCII
        out.write('"');
        out.write(':');
        // The text through the mapper's own generator, so it is escaped exactly as in the tree's JSON
        // (surrogates, control chars, unpaired surrogates from an upstream's "\ud800" included).
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeString(text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        out.writeBytes(TAIL);
        return out.toByteArray();
    }

    private String write(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
