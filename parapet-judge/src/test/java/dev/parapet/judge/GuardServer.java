package dev.parapet.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback that speaks the OpenAI chat-completions and Ollama chat dialects and answers
 * with scripted replies, in order (the last one repeats). It records every request body it received.
 */
final class GuardServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What the server does with one request. */
    sealed interface Reply permits Chat, Raw, Hang {
    }

    /** A chat answer with optional reasoning and first-token log-probabilities. */
    record Chat(String content, String reasoning, Map<String, Double> logprobs) implements Reply {
    }

    /** A literal HTTP status and body. */
    record Raw(int status, String body) implements Reply {
    }

    /** Never answers (until the server closes). */
    record Hang() implements Reply {
    }

    static Reply chat(String content) {
        return new Chat(content, null, Map.of());
    }

    static Reply chat(String content, Map<String, Double> logprobs) {
        return new Chat(content, null, logprobs);
    }

    static Reply reasoned(String reasoning, String content) {
        return new Chat(content, reasoning, Map.of());
    }

    static Reply status(int status, String body) {
        return new Raw(status, body);
    }

    static Reply hang() {
        return new Hang();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
    private volatile Reply last = chat("safe");
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile long delayMillis;

    GuardServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "guard-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues replies; each request takes the next, and the last one repeats. */
    GuardServer answer(Reply... replies) {
        for (Reply r : replies) {
            script.add(r);
        }
        return this;
    }

    /** Makes every answer wait this long, as a model on a GPU would take. */
    GuardServer delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    JsonNode lastRequest() {
        return requests.get(requests.size() - 1);
    }

    List<String> paths() {
        return List.copyOf(paths);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            paths.add(path);
            JsonNode request = JSON.readTree(body);
            requests.add(request);
            Reply reply = script.poll();
            if (reply == null) {
                reply = last;
            } else {
                last = reply;
            }
            if (reply instanceof Hang) {
                try {
                    closing.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply instanceof Raw raw) {
                send(ex, raw.status(), raw.body());
                return;
            }
            Chat chat = (Chat) reply;
            boolean ollama = path.equals("/api/chat");
            String json = JSON.writeValueAsString(ollama ? ollama(request, chat) : openAi(request, chat));
            send(ex, 200, json);
        }
    }

    private static ObjectNode openAi(JsonNode request, Chat chat) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test");
        root.put("object", "chat.completion");
        root.put("model", request.path("model").asText());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", chat.content());
        if (chat.reasoning() != null) {
            message.put("reasoning_content", chat.reasoning());
        }
        if (!chat.logprobs().isEmpty() && request.path("logprobs").asBoolean(false)) {
            ArrayNode tokens = choice.putObject("logprobs").putArray("content");
            if (chat.content().startsWith("\n")) {
                tokens.addObject().put("token", "\n\n").put("logprob", -0.001).putArray("top_logprobs")
                        .addObject().put("token", "\n\n").put("logprob", -0.001);
            }
            ObjectNode first = tokens.addObject();
            Map.Entry<String, Double> best = chat.logprobs().entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow();
            first.put("token", best.getKey());
            first.put("logprob", best.getValue());
            ArrayNode top = first.putArray("top_logprobs");
            chat.logprobs().forEach((t, lp) -> top.addObject().put("token", t).put("logprob", lp));
        }
        choice.put("finish_reason", "stop");
        return root;
    }

    private static ObjectNode ollama(JsonNode request, Chat chat) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", request.path("model").asText());
        root.put("created_at", "2026-11-30T18:00:00Z");
        ObjectNode message = root.putObject("message");
        message.put("role", "assistant");
        message.put("content", chat.content());
        if (chat.reasoning() != null) {
            message.put("thinking", chat.reasoning());
        }
        if (!chat.logprobs().isEmpty() && request.path("logprobs").asBoolean(false)) {
            ObjectNode first = root.putArray("logprobs").addObject();
            Map.Entry<String, Double> best = chat.logprobs().entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow();
            first.put("token", best.getKey());
            first.put("logprob", best.getValue());
            ArrayNode top = first.putArray("top_logprobs");
            chat.logprobs().forEach((t, lp) -> top.addObject().put("token", t).put("logprob", lp));
        }
        root.put("done", true);
        root.put("done_reason", "stop");
        return root;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
