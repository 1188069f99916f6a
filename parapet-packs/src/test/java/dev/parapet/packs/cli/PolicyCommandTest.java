package dev.parapet.packs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyCommandTest {

    static final Path FIXTURES = Path.of("src/test/resources/packs");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new PolicyCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listsShippedAndFolderPacksAndReportsBrokenOnes(@TempDir Path dir) throws IOException {
        Files.copy(FIXTURES.resolve("small.yaml"), dir.resolve("small.yaml"));
        Files.copy(FIXTURES.resolve("broken-duplicate.yaml"), dir.resolve("broken.yaml"));
        Run r = run("list", "--packs", dir.toString());
        assertThat(r.out()).contains("shipped  children-education  1.0.0", "shipped  medical-information",
                "shipped  community-moderation-de", "folder   small-test  0.1.0");
        assertThat(r.err()).contains("broken.yaml:11").contains("duplicate category id 'spam'");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void validate() {
        Run ok = run("validate", FIXTURES.resolve("small.yaml").toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).startsWith("ok: small-test@0.1.0 sha256:");
        Run bad = run("validate", FIXTURES.resolve("broken-duplicate.yaml").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("broken-duplicate.yaml:11").doesNotContain("Exception");
        Run missing = run("validate", "no-such-pack");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no such pack file, and no pack with that id");
    }

    @Test
    void diffExitsOneWhenPacksDiffer() {
        Run r = run("diff", FIXTURES.resolve("small.yaml").toString(), FIXTURES.resolve("small-v2.yaml").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("~ cooking_spam: action: flag -> block");
        assertThat(run("diff", "medical-information", "medical-information").code()).isZero();
    }

    @Test
    void testPrintsPrecisionAndRecall() {
        Run r = run("test", FIXTURES.resolve("small.yaml").toString(), "--show-misses");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("pack small-test@0.1.0").contains("precision").contains("recall")
                .containsPattern("cooking_spam +\\d+ +\\d+ +\\d+ +\\d+ +\\d\\.\\d{3} +\\d\\.\\d{3}");
    }

    @Test
    void showPrintsTheGuardPolicy() {
        Run r = run("show", "community-moderation-de");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("- persoenliche_beleidigung: ").contains("Languages: de");
    }
}
