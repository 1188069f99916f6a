package dev.parapet.judge.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.judge.ApiStyle;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one chat request to a server that runs a guard model, in the OpenAI chat-completions dialect
 * ({@code POST {base}/v1/chat/completions}) or Ollama's ({@code POST {base}/api/chat}), and reads the answer.
 * Bodies are bounded ({@link #MAX_BODY_BYTES}); every failure becomes a {@link GuardServerException} with a
 * short message that names the server and the reason (quoting at most the start of the first line of an error
 * body, never the request). Thread-safe.
 */
public final class ChatClient {

    /** Guard answers are a few tokens or a short reasoning; anything larger is not a guard answer. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final String model;
    private final ApiStyle style;

    public ChatClient(URI baseUrl, String model, ApiStyle style, Duration connectTimeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.model = Objects.requireNonNull(model, "model");
        this.style = Objects.requireNonNull(style, "style");
        String base = baseUrl.toString();
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--;
        }
        base = base.substring(0, end);
        this.endpoint = URI.create(base + (style == ApiStyle.OPENAI ? "/v1/chat/completions" : "/api/chat"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI endpoint() {
        return endpoint;
    }

    public ApiStyle style() {
        return style;
    }

    /**
     * Sends the request and waits at most {@code timeout} for the whole answer.
     *
     * @throws GuardServerException when the server fails, times out or does not answer with a chat reply
     * @throws InterruptedException when the calling thread is interrupted (the pipeline cancels a late detector)
     */
    public ChatReply send(ChatRequest request, Duration timeout) throws GuardServerException, InterruptedException {
        byte[] body = requestBody(request);
        HttpRequest httpRequest = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<InputStream> response;
        byte[] answer;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                answer = in.readNBytes(MAX_BODY_BYTES + 1);
            }
        } catch (HttpTimeoutException e) {
            throw new GuardServerException(endpoint + " did not answer within " + timeout.toMillis() + " ms", true);
        } catch (IOException e) {
            throw new GuardServerException(endpoint + " unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + firstLine(e.getMessage())), true);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            boolean retryable = status == 429 || status >= 500;
            throw new GuardServerException(endpoint + " answered HTTP " + status + snippet(answer), retryable);
        }
        if (answer.length > MAX_BODY_BYTES) {
            throw new GuardServerException(endpoint + " answered more than " + MAX_BODY_BYTES + " bytes", false);
        }
        if (answer.length == 0 || new String(answer, StandardCharsets.UTF_8).isBlank()) {
            throw new GuardServerException(endpoint + " answered with an empty body", true);
        }
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (IOException e) {
            throw new GuardServerException(endpoint + " answered with a body that is not JSON" + snippet(answer), false);
        }
        return style == ApiStyle.OPENAI ? readOpenAi(root) : readOllama(root);
    }

    private byte[] requestBody(ChatRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        root.put("stream", false);
        if (style == ApiStyle.OPENAI) {
            root.put("temperature", 0);
            root.put("max_tokens", request.maxTokens());
            if (request.topLogprobs() > 0) {
                root.put("logprobs", true);
                root.put("top_logprobs", request.topLogprobs());
            }
            if (!request.templateKwargs().isEmpty()) {
                root.set("chat_template_kwargs", JSON.valueToTree(request.templateKwargs()));
            }
        } else {
            ObjectNode options = root.putObject("options");
            options.put("temperature", 0);
            options.put("num_predict", request.maxTokens());
            if (request.topLogprobs() > 0) {
                root.put("logprobs", true);
                root.put("top_logprobs", request.topLogprobs());
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a chat request", e);
        }
    }

    private ChatReply readOpenAi(JsonNode root) throws GuardServerException {
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw new GuardServerException(endpoint + " answered JSON without choices[0].message"
                    + errorOf(root), false);
        }
        Optional<String> reasoning = text(message, "reasoning_content").or(() -> text(message, "reasoning"));
        Map<String, Double> logprobs = alternatives(firstWordToken(choice.path("logprobs").path("content")));
        return new ChatReply(text(message, "content").orElse(""), reasoning, logprobs);
    }

    private ChatReply readOllama(JsonNode root) throws GuardServerException {
        JsonNode message = root.path("message");
        if (!message.isObject()) {
            throw new GuardServerException(endpoint + " answered JSON without a message" + errorOf(root), false);
        }
        Map<String, Double> logprobs = alternatives(firstWordToken(root.path("logprobs")));
        return new ChatReply(text(message, "content").orElse(""), text(message, "thinking"), logprobs);
    }

    /** The first generated token that is not only whitespace: models often open with a newline before the verdict. */
    private static JsonNode firstWordToken(JsonNode tokens) {
        int seen = 0;
        for (JsonNode t : tokens) {
            if (++seen > 8) {
                break;
            }
            if (!t.path("token").asText("").isBlank()) {
                return t;
            }
        }
        return tokens.path(0);
    }

    /** The chosen token and its listed alternatives, as token → log-probability. */
    private static Map<String, Double> alternatives(JsonNode first) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!first.isObject()) {
            return out;
        }
        for (JsonNode alt : first.path("top_logprobs")) {
            if (alt.path("token").isTextual() && alt.path("logprob").isNumber()) {
                out.putIfAbsent(alt.path("token").asText(), alt.path("logprob").asDouble());
            }
        }
        if (first.path("token").isTextual() && first.path("logprob").isNumber()) {
            out.putIfAbsent(first.path("token").asText(), first.path("logprob").asDouble());
        }
        return out;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static String errorOf(JsonNode root) {
        JsonNode e = root.path("error");
        String m = e.isTextual() ? e.asText() : e.path("message").isTextual() ? e.path("message").asText() : null;
        return m == null ? "" : " (error: " + clip(firstLine(m)) + ")";
    }

    private static String snippet(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? "" : ": " + clip(firstLine(s));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String clip(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
