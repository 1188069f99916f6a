package dev.parapet.server;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.moderations.Moderation;
import com.openai.models.moderations.ModerationCreateParams;
import com.openai.models.moderations.ModerationCreateResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The official OpenAI Java client, unchanged, pointed at the gateway in front of a real upstream. */
class OpenAiClientCompatibilityTest {

    @TempDir
    static Path dir;
    static FakeUpstream upstream;
    static TestGateway gw;
    static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeUpstream();
        upstream.script("clean", new FakeUpstream.Reply("Hello there, how can I help you today?"));
        upstream.script("harmful", new FakeUpstream.Reply(ChatProxyTest.INTRO + ChatProxyTest.HARMFUL + "."));
        gw = TestGateway.start(dir, Map.of("PARAPET_UPSTREAM_URL", upstream.baseUrl()));
        client = OpenAIOkHttpClient.builder().baseUrl(gw.gateway.url() + "/v1").apiKey("unused").maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        gw.close();
        upstream.close();
    }

    @Test
    void moderations() {
        ModerationCreateResponse r = client.moderations().create(ModerationCreateParams.builder()
                .input("I want to kill myself").build());
        Moderation m = r.results().get(0);
        assertThat(m.flagged()).isTrue();
        assertThat(m.categories().selfHarm()).isTrue();
        assertThat(m.categories().sexual()).isFalse();
        assertThat(m.categoryScores().selfHarm()).isGreaterThanOrEqualTo(0.5);
        assertThat(r.model()).isEqualTo("parapet-moderation");
        m.validate(); // every field the client requires is there, with the right types
    }

    @Test
    void chatCompletions() {
        ChatCompletion c = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("clean").addUserMessage("Hi!").build());
        c.validate();
        assertThat(c.choices().get(0).message().content()).contains("Hello there, how can I help you today?");
    }

    @Test
    void streamingChatCompletionsIncludingABlock() {
        assertThat(stream("clean")).isEqualTo("Hello there, how can I help you today?");
        String blocked = stream("harmful");
        assertThat(blocked).endsWith("I can't help with that request.").doesNotContain("kill");
    }

    private static String stream(String model) {
        StringBuilder sb = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> s = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model(model).addUserMessage("Hi!").build())) {
            List<ChatCompletionChunk> chunks = s.stream().toList();
            for (ChatCompletionChunk ch : chunks) {
                ch.choices().forEach(choice -> choice.delta().content().ifPresent(sb::append));
            }
        }
        return sb.toString();
    }
}
