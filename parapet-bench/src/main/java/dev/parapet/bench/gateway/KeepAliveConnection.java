package dev.parapet.bench.gateway;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A minimal blocking HTTP/1.1 client over one keep-alive connection, for the load generator. Why not the
 * JDK's {@code HttpClient}: per request it costs more CPU than the gateway's own moderation of it (its
 * selector and executor threads hand every response and every piece of a stream between them, and each
 * request allocates publishers, subscribers and futures), and on a 2-core machine the load generator
 * shares the gateway's cores, so the test would measure the client. This one writes a prepared request and
 * reads the status line, the headers and the body ({@code Content-Length} or chunked) on the calling
 * thread, with no allocation beyond a line buffer; a streamed body can be handed over line by line as it
 * arrives. It reconnects after an error or a {@code Connection: close}. Not thread-safe: one per worker
 * thread.
 */
final class KeepAliveConnection implements AutoCloseable {

    private static final int MAX_BODY_LINE = 1 << 20;

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final StringBuilder line = new StringBuilder(128);
    private final StringBuilder bodyLine = new StringBuilder(512);
    private final byte[] chunk = new byte[8192];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI server, int timeoutMillis) {
        this.host = server.getHost();
        this.port = server.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    /** The bytes of a {@code POST} of {@code json} to {@code url}, to send as often as needed. */
    static byte[] post(URI url, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Receives the lines of a response body as they arrive, without their line terminators. */
    @FunctionalInterface
    interface BodyLines {
        void line(CharSequence line);
    }

    /**
     * Sends one prepared request and reads the whole answer.
     *
     * @return the status code
     * @throws IOException when the connection fails or times out (it is then closed; the next call reconnects)
     */
    int send(byte[] request) throws IOException {
        return send(request, null);
    }

    /**
     * As {@link #send(byte[])}, handing every line of the body to {@code lines} as soon as it has arrived
     * (for server-sent events); null skips the body.
     */
    int send(byte[] request, BodyLines lines) throws IOException {
        try {
            if (socket == null) {
                connect();
            }
            out.write(request);
            out.flush();
            return readResponse(lines);
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? io : new IOException("malformed response", e);
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), timeoutMillis);
        s.setSoTimeout(timeoutMillis);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = s.getOutputStream();
    }

    private int readResponse(BodyLines lines) throws IOException {
        String status = readLine();
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new IOException("not an HTTP/1.x status line");
        }
        int code = Integer.parseInt(status, 9, 12, 10);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = readLine(); !h.isEmpty(); h = readLine()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(chunkSize(readLine()), 16); size > 0;
                 size = Long.parseLong(chunkSize(readLine()), 16)) {
                body(size, lines);
                readLine(); // the CRLF after the chunk
            }
            while (!readLine().isEmpty()) {
                // trailers: none expected, read to the blank line
            }
        } else if (length >= 0) {
            body(length, lines);
        } else {
            close = true; // the body runs to the end of the connection: read it there
            body(Long.MAX_VALUE, lines);
        }
        if (lines != null && bodyLine.length() > 0) {
            lines.line(bodyLine); // a last line without a terminator
        }
        bodyLine.setLength(0);
        if (close) {
            close();
        }
        return code;
    }

    private static String chunkSize(String s) {
        int semi = s.indexOf(';');
        return (semi < 0 ? s : s.substring(0, semi)).trim();
    }

    /** Reads {@code n} bytes of body (to the end of the stream for {@code Long.MAX_VALUE}), split into lines. */
    private void body(long n, BodyLines lines) throws IOException {
        if (lines == null) {
            if (n == Long.MAX_VALUE) {
                in.transferTo(OutputStream.nullOutputStream());
            } else {
                skip(n);
            }
            return;
        }
        for (long left = n; left > 0; ) {
            int k = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (k < 0) {
                if (n == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("the connection closed inside a body");
            }
            left -= k;
            for (int i = 0; i < k; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    int len = bodyLine.length();
                    if (len > 0 && bodyLine.charAt(len - 1) == '\r') {
                        bodyLine.setLength(len - 1);
                    }
                    lines.line(bodyLine);
                    bodyLine.setLength(0);
                } else if (bodyLine.length() > MAX_BODY_LINE) {
                    throw new IOException("a body line is longer than 1 MB");
                } else {
                    bodyLine.append((char) (b & 0xFF)); // ISO-8859-1: the load test reads ASCII fields only
                }
            }
        }
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long k = in.skip(n);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the connection closed inside a body");
                }
                k = 1;
            }
            n -= k;
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed inside a response");
            }
            if (b == '\n') {
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') {
                    line.setLength(n - 1);
                }
                return line.toString();
            }
            if (line.length() > 8192) {
                throw new IOException("a header line is longer than 8 KB");
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection: nothing left to do
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
