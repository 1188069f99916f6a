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

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final ObjectMapper mapper;

    SseWriter(OutputStream out, ObjectMapper mapper) {
        this.out = out;
        this.mapper = mapper;
    }

    void event(JsonNode data) throws ClientGoneException {
        try {
            event(mapper.writeValueAsBytes(data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** An event whose data is {@code json}, UTF-8: one write, so one packet. */
    void event(byte[] json) throws ClientGoneException {
        byte[] event = new byte[DATA.length + json.length + END.length];
        System.arraycopy(DATA, 0, event, 0, DATA.length);
        System.arraycopy(json, 0, event, DATA.length, json.length);
        System.arraycopy(END, 0, event, DATA.length + json.length, END.length);
        write(event);
    }

    void done() throws ClientGoneException {
        write(DONE);
    }

    /**
     * Completes the response (the last chunk is written) before the handler returns: a shutdown waits for
     * handlers, and would otherwise stop the server between the handler's return and the final chunk.
     */
    void end() {
        try {
            out.close();
        } catch (IOException e) {
            // the client has gone; nothing left to complete
        }
    }

    private void write(byte[] event) throws ClientGoneException {
        try {
            out.write(event);
            out.flush();
        } catch (IOException e) {
            throw new ClientGoneException();
        }
    }
}
