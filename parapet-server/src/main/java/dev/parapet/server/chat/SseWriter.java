package dev.parapet.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes server-sent events to the client, flushing each so tokens are not delayed by buffers. */
final class SseWriter {

    /** The client went away; the stream should stop. */
    static final class ClientGoneException extends Exception {
        private static final long serialVersionUID = 1L;

        ClientGoneException() {
            super(null, null, false, false);
        }
    }

    private final OutputStream out;
    private final ObjectMapper mapper;

    SseWriter(OutputStream out, ObjectMapper mapper) {
        this.out = out;
        this.mapper = mapper;
    }

    void event(JsonNode data) throws ClientGoneException {
        try {
            write("data: " + mapper.writeValueAsString(data) + "\n\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    void done() throws ClientGoneException {
        write("data: [DONE]\n\n");
    }

    private void write(String s) throws ClientGoneException {
        try {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new ClientGoneException();
        }
    }
}
