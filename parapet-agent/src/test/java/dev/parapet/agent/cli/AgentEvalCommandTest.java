package dev.parapet.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AgentEvalCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new AgentEvalCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void missingDataIsAUsageError(@TempDir Path empty) {
        Run r = run("--data", empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no agent benchmark data");
        assertThat(run("--data", empty.resolve("nope").toString()).err()).contains("no such folder");
        assertThat(run("--format", "xml").code()).isEqualTo(2);
    }

    @Test
    void printsJsonResultsPerBenchmarkAndSetting() throws Exception {
        Path shared = Path.of(System.getProperty("parapet.shared", "../../shared"));
        assumeTrue(Files.isDirectory(shared.resolve("data/agentic/injecagent")), "agent data not found under " + shared);
        Run r = run("--data", shared.toString(), "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode results = new ObjectMapper().readTree(r.out()).get("results");
        assertThat(results).hasSize(9); // InjecAgent 4, AgentDojo 4, BIPIA in contexts 1
        for (JsonNode x : results) {
            assertThat(x.has("benchmark") && x.has("setting") && x.has("attack_success") && x.has("utility_loss")).isTrue();
            assertThat(x.get("attacker_calls").asInt()).isPositive();
        }
    }
}
