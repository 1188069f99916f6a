package dev.parapet.atlas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class AtlasCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new AtlasCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void listDeploymentAsJson() throws Exception {
        Run r = run("list", "--stage", "deployment", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertThat(a.isArray()).isTrue();
        assertThat(a.size()).isGreaterThan(10);
        a.forEach(e -> assertThat(e.path("stages").toString()).contains("deployment"));
        assertThat(r.out()).contains("\"parapet_detector\" : \"llama-guard-3\"");
    }

    @Test
    void listAsMarkdownAndText() {
        Run md = run("list", "--kind", "guard_model", "--open-weights", "--format", "md");
        assertThat(md.out()).startsWith("| name |").contains("[Granite Guardian](https://").contains("`granite-guardian`");
        Run text = run("list", "--language", "de");
        assertThat(text.out()).contains("Llama Guard 3").containsPattern("\\d+ tools");
    }

    @Test
    void unknownStageIsAUsageError() {
        Run r = run("list", "--stage", "launch");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown stage 'launch'");
    }

    @Test
    void showAndGaps() {
        Run show = run("show", "Llama", "Guard", "4");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("modalities        text, image").contains("parapet_detector  llama-guard-4");
        assertThat(run("show", "nothing").code()).isEqualTo(1);
        Run gaps = run("gaps");
        assertThat(gaps.out()).contains("Stages with no open tool:").contains("deployment (").contains("no open tool built for languages");
        assertThat(run("gaps", "--format", "md").out()).contains("| stage | open tools |");
        assertThat(run("gaps", "--format", "json").out()).contains("\"byStage\"");
    }
}
