package dev.parapet.server.cli;

import dev.parapet.server.auth.KeyHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ServeCommand(env));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void hashKeyPrintsAKeyAndAMatchingHash() {
        Run r = run(Map.of(), "--hash-key");
        assertThat(r.code()).isZero();
        String key = r.out().lines().filter(l -> l.startsWith("key:")).findFirst().orElseThrow().substring(5).trim();
        String hash = r.out().lines().filter(l -> l.startsWith("hash:")).findFirst().orElseThrow().substring(5).trim();
        assertThat(KeyHasher.matches(key, hash)).isTrue();
    }

    @Test
    void configurationErrorsAreOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("g.yaml");
        Files.writeString(bad, "server:\n  port: many\n");
        Run r = run(Map.of(), "--config", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("parapet: ").contains("g.yaml:2").doesNotContain("\n\tat ");
        assertThat(run(Map.of(), "--port", "99999").err()).contains("--port");
        Run policy = run(Map.of("PARAPET_POLICY", dir.resolve("nope.yaml").toString(),
                "PARAPET_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("p.db")), "--port", "0");
        assertThat(policy.code()).isEqualTo(2);
        assertThat(policy.err()).contains("no such policy file");
    }

    @Test
    void helpDescribesTheCommand() {
        Run r = run(Map.of(), "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--config").contains("--port").contains("--hash-key");
    }
}
