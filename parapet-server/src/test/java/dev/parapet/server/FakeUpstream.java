package dev.parapet.server;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real OpenAI-compatible chat server on loopback, speaking the wire format (JSON and server-sent events),
 * with scripted answers per model name, and misbehaviours: error statuses, garbage, early close, silence.
 */
final class FakeUpstream implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What the server does for one model. */
    sealed interface Script {
    }

    /** Answers with text (and optionally reasoning), streamed in pieces of {@code chunk} characters. */
    record Reply(String content, String reasoning, int chunk) implements Script {
        Reply(String content) {
            this(content, null, 4);
        }
    }

    /** Answers with one tool call. */
    record ToolCall(String name, String arguments) implements Script {
    }

    /** Answers with a status and body. */
    record Status(int status, String body) implements Script {
    }

    /** Answers 200 with a body that is not what it should be (stream or not). */
    record Garbage(String body) implements Script {
    }

    /** Streams the first part of the text, then closes without finishing. */
    record EarlyClose(String content) implements Script {
    }

    /** Waits before answering (or between the first and second chunk, when streaming). */
    record Slow(long millis, String content) implements Script {
    }

    private final HttpServer server;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    FakeUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-upstream");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void script(String model, Script s) {
        scripts.put(model, s);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
            requests.add(req);
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            String model = req.path("model").asText();
            boolean stream = req.path("stream").asBoolean(false);
            Script s = scripts.get(model);
            if (s == null) {
                send(ex, 404, "{\"error\":{\"message\":\"The model '" + model + "' does not exist\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":\"model_not_found\"}}");
                return;
            }
            if (s instanceof Status st) {
                send(ex, st.status(), st.body());
            } else if (s instanceof Garbage g) {
                send(ex, 200, g.body());
            } else if (s instanceof Reply r) {
                if (stream) {
                    streamReply(ex, model, r.content(), r.reasoning(), r.chunk(), true, 0);
                } else {
                    send(ex, 200, JSON.writeValueAsString(completion(model, r.content(), r.reasoning(), null)));
                }
            } else if (s instanceof ToolCall tc) {
                if (stream) {
                    streamToolCall(ex, model, tc);
                } else {
                    send(ex, 200, JSON.writeValueAsString(completion(model, null, null, tc)));
                }
            } else if (s instanceof EarlyClose e) {
                streamReply(ex, model, e.content(), null, 4, false, 0);
            } else if (s instanceof Slow sl) {
                if (stream) {
                    streamReply(ex, model, sl.content(), null, 4, true, sl.millis());
                } else {
                    sleep(sl.millis());
                    send(ex, 200, JSON.writeValueAsString(completion(model, sl.content(), null, null)));
                }
            }
        } catch (IOException e) {
            // the gateway went away (e.g. it timed out): nothing to answer
        }
    }

    private static ObjectNode completion(String model, String content, String reasoning, ToolCall tc) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", "chatcmpl-fake");
        o.put("object", "chat.completion");
        o.put("created", 1_700_000_000L);
        o.put("model", model);
        ObjectNode ch = o.putArray("choices").addObject();
        ch.put("index", 0);
        ObjectNode m = ch.putObject("message");
        m.put("role", "assistant");
        if (content == null) {
            m.putNull("content");
        } else {
            m.put("content", content);
        }
        if (reasoning != null) {
            m.put("reasoning_content", reasoning);
        }
        if (tc != null) {
            ObjectNode call = m.putArray("tool_calls").addObject();
            call.put("id", "call_1");
            call.put("type", "function");
            call.putObject("function").put("name", tc.name()).put("arguments", tc.arguments());
        }
        ch.putNull("logprobs");
        ch.put("finish_reason", tc != null ? "tool_calls" : "stop");
        ObjectNode u = o.putObject("usage");
        u.put("prompt_tokens", 5);
        u.put("completion_tokens", 7);
        u.put("total_tokens", 12);
        return o;
    }

    private void streamReply(HttpExchange ex, String model, String content, String reasoning, int chunk,
                             boolean finish, long pauseMillis) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        event(out, chunk(model, delta("role", "assistant", "content", ""), null));
        if (reasoning != null) {
            for (int i = 0; i < reasoning.length(); i += chunk) {
                event(out, chunk(model, delta("reasoning_content", reasoning.substring(i,
                        Math.min(reasoning.length(), i + chunk))), null));
            }
        }
        int end = finish ? content.length() : content.length() / 2;
        for (int i = 0; i < end; i += chunk) {
            event(out, chunk(model, delta("content", content.substring(i, Math.min(end, i + chunk))), null));
            if (i == 0 && pauseMillis > 0) {
                sleep(pauseMillis);
            }
        }
        if (!finish) {
            return; // closes without finish_reason or [DONE]
        }
        event(out, chunk(model, JSON.createObjectNode(), "stop"));
        ObjectNode usage = JSON.createObjectNode();
        usage.put("id", "chatcmpl-fake");
        usage.put("object", "chat.completion.chunk");
        usage.put("created", 1_700_000_000L);
        usage.put("model", model);
        usage.putArray("choices");
        usage.putObject("usage").put("prompt_tokens", 5).put("completion_tokens", 7).put("total_tokens", 12);
        event(out, usage);
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void streamToolCall(HttpExchange ex, String model, ToolCall tc) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        event(out, chunk(model, delta("role", "assistant"), null));
        ObjectNode first = JSON.createObjectNode();
        ObjectNode call = first.putArray("tool_calls").addObject();
        call.put("index", 0).put("id", "call_1").put("type", "function");
        call.putObject("function").put("name", tc.name()).put("arguments", "");
        event(out, chunk(model, first, null));
        for (int i = 0; i < tc.arguments().length(); i += 5) {
            ObjectNode d = JSON.createObjectNode();
            ObjectNode c = d.putArray("tool_calls").addObject();
            c.put("index", 0);
            c.putObject("function").put("arguments", tc.arguments().substring(i, Math.min(tc.arguments().length(), i + 5)));
            event(out, chunk(model, d, null));
        }
        event(out, chunk(model, JSON.createObjectNode(), "tool_calls"));
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode delta(String... kv) {
        ObjectNode d = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            d.put(kv[i], kv[i + 1]);
        }
        return d;
    }

    private static ObjectNode chunk(String model, ObjectNode delta, String finish) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", "chatcmpl-fake");
        o.put("object", "chat.completion.chunk");
        o.put("created", 1_700_000_000L);
        o.put("model", model);
        o.put("system_fingerprint", "fp_fake");
        ArrayNode chs = o.putArray("choices");
        ObjectNode ch = chs.addObject();
        ch.put("index", 0);
        ch.set("delta", delta);
        ch.putNull("logprobs");
        if (finish == null) {
            ch.putNull("finish_reason");
        } else {
            ch.put("finish_reason", finish);
        }
        return o;
    }

    private static void event(OutputStream out, JsonNode data) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
