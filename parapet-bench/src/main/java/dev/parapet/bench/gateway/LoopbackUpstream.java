package dev.parapet.bench.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A fake OpenAI-compatible model server on loopback for load tests: {@code POST /v1/chat/completions}
 * answers a fixed, harmless completion at once, or with {@code "stream": true} streams it as server-sent
 * events, one token of four characters every {@code tokenGapMicros}. It does no work of its own, so the
 * time through the gateway minus the time straight to it is what the gateway adds.
 */
public final class LoopbackUpstream implements AutoCloseable {

    /** The answer: 156 characters, streamed in tokens of four. */
    static final String ANSWER = "Sure. The capital of France is Paris; it has been the seat of government for "
            + "centuries, and the city is known for its museums, its parks and its many cafes.";
    static final int TOKEN_CHARS = 4;

    static {
        // Without TCP_NODELAY, each small token waits for the previous one's delayed ACK (~40 ms): the JDK
        // server reads this once, when its configuration class loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final long tokenGapNanos;
    private final byte[] completion;

    /** @param tokenGapMicros the pause between two streamed tokens */
    public LoopbackUpstream(long tokenGapMicros) throws IOException {
        this.tokenGapNanos = TimeUnit.MICROSECONDS.toNanos(tokenGapMicros);
        this.completion = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                + ANSWER + "\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":40,\"total_tokens\":60}}")
                .getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        // Streams sleep between tokens, so every open stream holds a thread.
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-upstream");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            boolean stream = new String(body, StandardCharsets.UTF_8).contains("\"stream\":true");
            if (!stream) {
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, completion.length);
                ex.getResponseBody().write(completion);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            event(out, "{\"role\":\"assistant\",\"content\":\"\"}", "null");
            for (int i = 0; i < ANSWER.length(); i += TOKEN_CHARS) {
                event(out, "{\"content\":\"" + ANSWER.substring(i, Math.min(ANSWER.length(), i + TOKEN_CHARS)) + "\"}",
                        "null");
                LockSupport.parkNanos(tokenGapNanos);
            }
            event(out, "{}", "\"stop\"");
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static void event(OutputStream out, String delta, String finish) throws IOException {
        out.write(("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,"
                + "\"finish_reason\":" + finish + "}]}\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
