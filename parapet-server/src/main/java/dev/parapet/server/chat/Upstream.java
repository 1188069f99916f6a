package dev.parapet.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.server.http.ApiException;
import dev.parapet.server.metrics.Metrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The upstream OpenAI-compatible server. Every failure becomes an {@link ApiException} that says what went
 * wrong upstream without echoing its internals: unreachable (502), timed out (504), an error status
 * (passed on for 4xx with the upstream's message, 502 for 5xx), or a malformed answer (502).
 */
public final class Upstream implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final URI completions;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Metrics metrics;
    private final ScheduledExecutorService watchdog;

    public Upstream(URI baseUrl, String apiKey, Duration connectTimeout, Duration timeout, ObjectMapper mapper,
                    Metrics metrics) {
        this.completions = URI.create(baseUrl + "/chat/completions");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.mapper = mapper;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parapet-upstream-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** A non-streaming completion. */
    public ObjectNode complete(ObjectNode request) {
        HttpResponse<InputStream> r = send(request, "application/json");
        byte[] body;
        try (InputStream in = r.body()) {
            body = readBounded(in);
        } catch (IOException e) {
            throw fail("read_error", 502, "The upstream server closed the connection before its answer was complete.");
        }
        checkStatus(r.statusCode(), body);
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
        HttpResponse<InputStream> r = send(request, "text/event-stream");
        if (r.statusCode() / 100 != 2) {
            byte[] body;
            try (InputStream in = r.body()) {
                body = readBounded(in);
            } catch (IOException e) {
                body = new byte[0];
            }
            checkStatus(r.statusCode(), body);
        }
        UpstreamStream s = new UpstreamStream(r.body());
        ScheduledFuture<?> f = watchdog.scheduleAtFixedRate(() -> s.expireIfIdle(timeout.toNanos()),
                100, 100, TimeUnit.MILLISECONDS);
        s.onClose(() -> f.cancel(false));
        return s;
    }

    /** Counts an upstream failure seen by a caller (e.g. a stream that ended early). */
    public ApiException fail(String kind, int status, String message) {
        metrics.upstreamError(kind);
        return ApiException.upstream(status, message, "upstream_" + kind);
    }

    private HttpResponse<InputStream> send(ObjectNode request, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(completions)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(request)));
        if (!apiKey.isEmpty()) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw fail("unreachable", 502, "The upstream server could not be reached (connection timed out).");
        } catch (HttpTimeoutException e) {
            throw fail("timeout", 504, "The upstream server did not answer within " + timeout.toMillis() + " ms.");
        } catch (ConnectException e) {
            throw fail("unreachable", 502, "The upstream server could not be reached (connection refused).");
        } catch (IOException e) {
            throw fail("read_error", 502, "The upstream server closed the connection without an answer.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted", 503, "The request was interrupted.");
        }
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

    private byte[] readBounded(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY_BYTES + 1);
        if (b.length > MAX_BODY_BYTES) {
            throw fail("too_large", 502, "The upstream server's answer is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return b;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
