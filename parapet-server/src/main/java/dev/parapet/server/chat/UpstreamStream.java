package dev.parapet.server.chat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A server-sent-events stream from the upstream, read one event's data at a time. Lines are bounded in
 * length; a silent upstream is cut off by the connection's read timeout.
 */
public final class UpstreamStream implements AutoCloseable {

    /** A single event larger than this is treated as a malformed stream. */
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int len;
    private boolean timedOut;
    private boolean closed;

    UpstreamStream(InputStream in) {
        this.in = in;
    }

    /**
     * The data of the next event ({@code data:} lines joined by newlines), or empty at the end of the stream.
     *
     * @throws IOException when the connection breaks, times out, or an event is too large
     */
    public Optional<String> next() throws IOException {
        StringBuilder data = null;
        while (true) {
            String line = readLine();
            if (line == null) {
                return data == null ? Optional.empty() : Optional.of(data.toString());
            }
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(data.toString());
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue; // comment / keep-alive
            }
            if (line.startsWith("data:")) {
                String v = line.substring(5);
                v = v.startsWith(" ") ? v.substring(1) : v;
                data = data == null ? new StringBuilder(v) : data.append('\n').append(v);
            }
            // other fields (event:, id:, retry:) carry nothing the proxy needs
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (pos == len) {
                try {
                    len = in.read(buf);
                } catch (SocketTimeoutException e) {
                    timedOut = true;
                    throw e;
                }
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
            }
            byte b = buf[pos++];
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
            if (line.size() > MAX_LINE_BYTES) {
                throw new IOException("an event is larger than " + MAX_LINE_BYTES + " bytes");
            }
        }
    }

    /** True when more of the stream has arrived and can be read without waiting. */
    boolean ready() throws IOException {
        return pos < len || (!closed && in.available() > 0);
    }

    public boolean timedOut() {
        return timedOut;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            in.close();
        } catch (IOException e) {
            // closing a broken stream: nothing left to do
        }
    }
}
