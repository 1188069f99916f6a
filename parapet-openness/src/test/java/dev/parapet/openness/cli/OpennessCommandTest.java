package dev.parapet.openness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.openness.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OpennessCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new OpennessCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void assessesABatchAndReportsTheBadFiles() throws Exception {
        Run r = run("assess", Fixtures.fixture("batch").toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("broken.yml:").contains("bomb.yml").doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json).hasSize(4);
        JsonNode first = json.get(0);
        assertThat(first.path("mof").path("class").asInt()).isEqualTo(1);
        assertThat(first.path("mof").path("progress").has("1")).isTrue();
        assertThat(first.path("osaid").has("pass")).isTrue();
        assertThat(first.has("gradient")).isTrue();
        assertThat(first.has("profile")).isTrue();
        assertThat(first.has("warnings")).isTrue();
    }

    @Test
    void everyFormatRenders() {
        for (String f : new String[] {"text", "md", "html", "json"}) {
            Run r = run("assess", Fixtures.fixture("card.README.md").toString(), "-f", f);
            assertThat(r.code()).as(f).isZero();
            assertThat(r.out()).as(f).contains("Llama");
        }
        assertThat(run("assess", Fixtures.fixture("bom.json").toString(), "-f", "html").out())
                .startsWith("<!DOCTYPE html>").contains("title=").doesNotContain("<script");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("assess", "/no/such/file").code()).isEqualTo(2);
        assertThat(run("assess").code()).isEqualTo(2);
        assertThat(run("assess", "x", "--format", "pdf").code()).isEqualTo(2);
        assertThat(run().code()).isEqualTo(2);
        Run bad = run("badge", Fixtures.fixture("batch/broken.yml").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("broken.yml:");
    }

    @Test
    void compareRankBadgeConvert(@TempDir Path tmp) throws Exception {
        Run c = run("compare", Fixtures.fixture("class1.yml").toString(), Fixtures.fixture("card.README.md").toString());
        assertThat(c.code()).isZero();
        assertThat(c.out()).contains("Class I - Open Science Model").contains("Model parameters (Final) *");
        Run rank = run("rank", Fixtures.fixture("batch").toString());
        assertThat(rank.code()).isEqualTo(1);
        assertThat(rank.out().lines().skip(1).findFirst().orElseThrow()).contains("OpenEverything-1B");
        Run badge = run("badge", Fixtures.fixture("class1.yml").toString());
        assertThat(badge.out()).startsWith("<svg").contains("MOF Class I");
        Path out = tmp.resolve("m.yaml");
        assertThat(run("convert", Fixtures.fixture("card.README.md").toString(), "-o", out.toString()).code()).isZero();
        assertThat(run("assess", out.toString()).code()).isZero();
        Path mof = tmp.resolve("m.yml");
        assertThat(run("convert", Fixtures.fixture("manifest.yaml").toString(), "--to", "mof", "-o", mof.toString()).code()).isZero();
        assertThat(Files.readString(mof)).contains("Model Openness Framework");
        Path bom = tmp.resolve("m.json");
        assertThat(run("convert", Fixtures.fixture("manifest.yaml").toString(), "--to", "cyclonedx", "-o", bom.toString()).code()).isZero();
        assertThat(run("assess", bom.toString()).code()).isZero();
    }

    @Test
    void assessesSharedDirectoriesWithoutFailures() throws Exception {
        for (String dir : new String[] {"mof/models", "osai-index/main-database"}) {
            Run r = run("assess", Fixtures.shared(dir).toString(), "--format", "json");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.size()).isGreaterThan(190);
        }
    }
}
