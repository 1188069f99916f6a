package dev.parapet.judge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The judge command against a real Ollama-dialect server on loopback. */
class JudgeCommandTest {

    private HttpServer server;
    private final AtomicReference<String> answer = new AtomicReference<>("safe");
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/chat", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                String body = status.get() == 200
                        ? new ObjectMapper().createObjectNode().put("model", "llama-guard3").put("done", true)
                                .set("message", new ObjectMapper().createObjectNode().put("role", "assistant")
                                        .put("content", answer.get())).toString()
                        : "{\"error\":\"boom\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(status.get(), bytes.length);
                ex.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Path judges() throws IOException {
        Path file = dir.resolve("judges.yaml");
        Files.writeString(file, "judges:\n  - id: lg\n    family: llama-guard-3\n    api: ollama\n"
                + "    base_url: http://127.0.0.1:" + server.getAddress().getPort() + "\n    model: llama-guard3\n"
                + "    retries: 0\n");
        return file;
    }

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new JudgeCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void checkPrintsTheGuardsVerdict() throws IOException {
        Path file = judges();
        assertThat(run("check", "--config", file.toString(), "hello there")).isZero();
        assertThat(out.toString()).startsWith("CLEAN  (lg, llama-guard-3, prompt check)");

        answer.set("unsafe\nS10");
        assertThat(run("check", "--config", file.toString(), "--response-to", "q", "an answer")).isEqualTo(1);
        assertThat(out.toString()).contains("FLAGGED  (lg, llama-guard-3, response check)", "hate", "S10");
    }

    @Test
    void aFailingGuardExitsWith3() throws IOException {
        Path file = judges();
        status.set(500);
        assertThat(run("check", "--config", file.toString(), "x")).isEqualTo(3);
        assertThat(err.toString()).contains("HTTP 500");
        status.set(200);
        answer.set("I cannot classify this.");
        assertThat(run("check", "--config", file.toString(), "x")).isEqualTo(3);
        assertThat(err.toString()).contains("instead of 'safe' or 'unsafe'");
    }

    @Test
    void validateListsJudgesAndReportsErrorsWithLines() throws IOException {
        assertThat(run("validate", judges().toString())).isZero();
        assertThat(out.toString()).contains("lg: llama-guard-3 (ollama)", "policy version", "categories: ");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "judges:\n  - id: x\n    family: llama-guard-3\n    base_url: ftp://host\n    model: m\n");
        assertThat(run("validate", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml:4:").contains("http or https");
        assertThat(run("check", "--config", judges().toString(), "--judge", "nobody", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("no judge 'nobody'");
        assertThat(run("validate", dir.resolve("missing.yaml").toString())).isEqualTo(2);
    }
}
