package dev.parapet.ml.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TrainCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new TrainCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void trainsFromARecipeAndSaysThereIsNoShippedModelToCompareWith() throws Exception {
        Path recipe = dev.parapet.ml.train.TinyDataAccess.write(dir);
        int code = run("--recipe", recipe.toString(), "--data", dir.resolve("data").toString(),
                "--out", dir.resolve("out").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("held-out rows").contains("no shipped model named tiny");
        assertThat(dir.resolve("out/tiny.bin")).exists();
        assertThat(dir.resolve("out/tiny.mof.yaml")).exists();
    }

    @Test
    void badInputIsAClearErrorWithExitTwo() throws Exception {
        assertThat(run("--recipe", dir.resolve("none.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such recipe");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nkind: forest\n");
        assertThat(run("--recipe", bad.toString(), "--data", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml:2").contains("kind must be");
        assertThat(run()).isEqualTo(2);
    }
}
