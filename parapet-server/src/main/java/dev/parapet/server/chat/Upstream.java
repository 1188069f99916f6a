package dev.parapet.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.server.http.ApiException;
import dev.parapet.server.metrics.Metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;

/**
 * The upstream OpenAI-compatible server. Every failure becomes an {@link ApiException} that says what went
 * wrong upstream without echoing its internals: unreachable (502), timed out (504), an error status
 * (passed on for 4xx with the upstream's message, 502 for 5xx), or a malformed answer (502).
 *
 * <p>Requests go out with the JDK's blocking {@link HttpURLConnection} (with its keep-alive connection
 * cache), on the thread that serves the client: a streamed answer is read and relayed by that one thread,
 * token by token, where an asynchronous client hands every piece of the stream from its selector thread to
 * an executor and on to the reader, which costs CPU and adds latency to every token. The timeout bounds
 * each wait for the upstream (for the answer to start, and for each next piece of a stream), so an upstream
 * that falls silent is cut off. No proxy is used: the upstream is addressed directly.
 */
public final class Upstream {

    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    /** Answers of a declared length up to this are read straight into an array of that length. */
    private static final int EXACT_READ_BYTES = 1024 * 1024;

    private final URL completions;
    private final String apiKey;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final Metrics metrics;

    public Upstream(URI baseUrl, String apiKey, Duration connectTimeout, Duration timeout, ObjectMapper mapper,
                    Metrics metrics) {
        try {
            this.completions = URI.create(baseUrl + "/chat/completions").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        this.apiKey = apiKey;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** A non-streaming completion. */
    public ObjectNode complete(ObjectNode request) {
        HttpURLConnection c = send(request, "application/json");
        int status = status(c);
        byte[] body;
        try (InputStream in = body(c, status)) {
            body = readBody(in, c.getContentLengthLong());
        } catch (SocketTimeoutException e) {
            throw fail("timeout", 504, "The upstream server did not answer within " + timeout.toMillis() + " ms.");
        } catch (IOException e) {
            throw fail("read_error", 502, "The upstream server closed the connection before its answer was complete.");
        }
        checkStatus(status, body);
        JsonNode n;
        try {
            n = mapper.readTree(body);
        } catch (IOException e) {
            throw fail("malformed", 502, "The upstream server sent a malformed answer (not JSON).");
        }
        if (!(n instanceof ObjectNode o) || !o.path("choices").isArray()) {
            throw fail("malformed", 502, "The upstream server sent a malformed answer (no choices).");
        }
        return o;
    }

    /**
     * Opens a streaming completion. The stream's reads fail once the upstream is silent for longer than the
     * timeout; {@link UpstreamStream#timedOut()} then says so.
     */
    public UpstreamStream stream(ObjectNode request) {
        HttpURLConnection c = send(request, "text/event-stream");
        int status = status(c);
        if (status / 100 != 2) {
            byte[] body;
            try (InputStream in = body(c, status)) {
                body = readBounded(in);
            } catch (IOException e) {
                body = new byte[0];
            }
            checkStatus(status, body);
        }
        try {
            return new UpstreamStream(c.getInputStream());
        } catch (SocketTimeoutException e) {
            throw fail("timeout", 504, "The upstream server did not answer within " + timeout.toMillis() + " ms.");
        } catch (IOException e) {
            throw fail("read_error", 502, "The upstream server closed the connection without an answer.");
        }
    }

    /** Counts an upstream failure seen by a caller (e.g. a stream that ended early). */
    public ApiException fail(String kind, int status, String message) {
        metrics.upstreamError(kind);
        return ApiException.upstream(status, message, "upstream_" + kind);
    }

    /** Connects and sends the request; the answer is read by the caller. */
    private HttpURLConnection send(ObjectNode request, String accept) {
        byte[] body = json(request);
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) completions.openConnection(Proxy.NO_PROXY);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout(millis(connectTimeout));
            c.setReadTimeout(millis(timeout));
            // No streaming mode: the JDK then writes the request line, headers and body in one piece. Streamed
            // (fixed length), the body went out as a second small write after the headers, which waited for
            // the upstream's acknowledgement of the first (Nagle's rule against a delayed ACK): about 1.4 ms
            // of every upstream call on loopback. `serve` turns off the JDK's resending of a POST whose reused
            // connection broke (sun.net.http.retryPost), so a request is still never silently sent twice.
            c.setRequestProperty("Content-Type", "application/json");
            c.setRequestProperty("Accept", accept);
            if (!apiKey.isEmpty()) {
                c.setRequestProperty("Authorization", "Bearer " + apiKey);
            }
        } catch (IOException e) {
            throw fail("unreachable", 502, "The upstream server could not be reached.");
        }
        try {
            c.connect();
        } catch (SocketTimeoutException e) {
            throw fail("unreachable", 502, "The upstream server could not be reached (connection timed out).");
        } catch (ConnectException e) {
            throw fail("unreachable", 502, "The upstream server could not be reached (connection refused).");
        } catch (IOException e) {
            throw fail("unreachable", 502, "The upstream server could not be reached.");
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        } catch (IOException e) {
            c.disconnect();
            throw fail("read_error", 502, "The upstream server closed the connection without an answer.");
        }
        return c;
    }

    /** Waits for the answer's status line. */
    private int status(HttpURLConnection c) {
        try {
            return c.getResponseCode();
        } catch (SocketTimeoutException e) {
            c.disconnect();
            throw fail("timeout", 504, "The upstream server did not answer within " + timeout.toMillis() + " ms.");
        } catch (IOException e) {
            c.disconnect();
            throw fail("read_error", 502, "The upstream server closed the connection without an answer.");
        }
    }

    /** The answer's body, or its error body (an empty one when there is none). */
    private static InputStream body(HttpURLConnection c, int status) throws IOException {
        if (status / 100 == 2) {
            return c.getInputStream();
        }
        InputStream err = c.getErrorStream();
        return err != null ? err : InputStream.nullInputStream();
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private void checkStatus(int status, byte[] body) {
        if (status / 100 == 2) {
            return;
        }
        String upstreamMessage = null;
        String type = null;
        String code = null;
        try {
            JsonNode err = mapper.readTree(body).path("error");
            if (err.path("message").isTextual()) {
                upstreamMessage = err.get("message").textValue();
                type = err.path("type").isTextual() ? err.get("type").textValue() : null;
                code = err.path("code").isTextual() ? err.get("code").textValue() : null;
            }
        } catch (IOException | RuntimeException e) {
            // not an OpenAI error body; answered below without it
        }
        metrics.upstreamError("status_" + (status / 100) + "xx");
        if (status / 100 == 4 && upstreamMessage != null) {
            // The client's own mistake as the upstream saw it (unknown model, bad parameter): pass it on.
            String m = upstreamMessage.length() > 500 ? upstreamMessage.substring(0, 500) + "…" : upstreamMessage;
            throw new ApiException(status, type == null ? "invalid_request_error" : type, m, null, code);
        }
        throw ApiException.upstream(502, "The upstream server answered HTTP " + status + ".", "upstream_status_" + status);
    }

    private byte[] json(ObjectNode request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The answer's body: one array of the declared length when that is known and small (no copy buffer, no
     * growing), else read up to the limit. A body shorter than declared is returned as it came.
     */
    private byte[] readBody(InputStream in, long declared) throws IOException {
        if (declared < 0 || declared > EXACT_READ_BYTES) {
            return readBounded(in);
        }
        byte[] b = new byte[(int) declared];
        int n = in.readNBytes(b, 0, b.length);
        return n == b.length ? b : Arrays.copyOf(b, n);
    }

    private byte[] readBounded(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY_BYTES + 1);
        if (b.length > MAX_BODY_BYTES) {
            throw fail("too_large", 502, "The upstream server's answer is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return b;
    }
}
