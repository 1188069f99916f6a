package dev.parapet.server.chat;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    private byte[] line = new byte[512];
    private int lineLength;
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
        String data = null;
        StringBuilder lines = null; // only for an event of several data lines
        while (true) {
            if (!readLine()) {
                return data == null ? Optional.empty() : Optional.of(lines == null ? data : lines.toString());
            }
            if (lineLength == 0) {
                if (data != null) {
                    return Optional.of(lines == null ? data : lines.toString());
                }
                continue;
            }
            if (line[0] == ':') {
                continue; // comment / keep-alive
            }
            if (isDataLine()) {
                int from = lineLength > 5 && line[5] == ' ' ? 6 : 5;
                String v = new String(line, from, lineLength - from, StandardCharsets.UTF_8);
                if (data == null) {
                    data = v;
                } else {
                    lines = (lines == null ? new StringBuilder(data) : lines).append('\n').append(v);
                }
            }
            // other fields (event:, id:, retry:) carry nothing the proxy needs
        }
    }

    private boolean isDataLine() {
        return lineLength >= 5 && line[0] == 'd' && line[1] == 'a' && line[2] == 't' && line[3] == 'a'
                && line[4] == ':';
    }

    /**
     * Reads the next line into {@link #line} (without its {@code \n}, nor the {@code \r} before it), reusing
     * the array from line to line: no allocation per line.
     *
     * @return false at the end of the stream with nothing left to read
     */
    private boolean readLine() throws IOException {
        lineLength = 0;
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
                    return lineLength > 0;
                }
            }
            int end = pos;
            while (end < len && buf[end] != '\n') {
                end++;
            }
            append(pos, end - pos);
            if (end < len) {
                pos = end + 1;
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            pos = len;
        }
    }

    private void append(int from, int n) throws IOException {
        if (lineLength + n > MAX_LINE_BYTES) {
            throw new IOException("an event is larger than " + MAX_LINE_BYTES + " bytes");
        }
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(lineLength + n, 2 * line.length)));
        }
        System.arraycopy(buf, from, line, lineLength, n);
        lineLength += n;
    }

    /**
     * True when more of the stream has already been read and waits in this reader's buffer: a read takes
     * every event that had arrived by then. The connection itself is not asked ({@code available()} on the
     * JDK's chunked reader is a system call and a read-ahead buffer per call, for every event).
     */
    boolean ready() {
        return pos < len;
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
