package dev.parapet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AgentSuiteTest {

    @Test
    void noSectionWithoutAgentData(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        assertThat(AgentSuite.standard().markdownSection(data)).isEmpty();
    }

    @Test
    void sectionHasARowPerBenchmarkAndSetting() throws Exception {
        Path data = Path.of(System.getProperty("parapet.shared", "../shared")).resolve("data");
        assumeTrue(Files.isDirectory(data.resolve("agentic")), "the shared agent benchmarks are not at " + data);
        String md = AgentSuite.standard().markdownSection(data).orElseThrow();
        assertThat(md).startsWith("## Agent benchmarks");
        assertThat(md.lines().filter(l -> l.startsWith("| injecagent |"))).hasSize(4);
        assertThat(md.lines().filter(l -> l.startsWith("| agentdojo |"))).hasSize(4);
        assertThat(md).containsPattern("\\| agentdojo \\| banking \\| \\d+\\.\\d% \\(\\d+/\\d+\\) \\| \\d+\\.\\d% \\(\\d+/\\d+\\) \\|");
        assertThat(md).doesNotContain("train contexts");
    }

    @Test
    void theDevelopmentSuiteReadsBipiasTrainSplitAndWritesNoSection() throws Exception {
        Path data = Path.of(System.getProperty("parapet.shared", "../shared")).resolve("data");
        assumeTrue(Files.isRegularFile(data.resolve("injection/bipia/benchmark/text_attack_train.json")),
                "the shared BIPIA data is not at " + data);
        AgentSuite dev = AgentSuite.development();
        assertThat(dev.name()).isEqualTo("agents-development");
        assertThat(dev.markdownSection(data)).isEmpty();
        java.io.StringWriter out = new java.io.StringWriter();
        int code = dev.run(data, "text", new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(code).isZero();
        // BIPIA's train attacks with the rule detector, then with the classifiers, then the project's new phrasings,
        // then ordinary documents made of training sentences
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3)).allMatch(l -> l.contains("train contexts"));
        assertThat(lines.get(2)).contains("new phrasings, injection");
        assertThat(lines.get(3)).contains("ud-docs", "train sentences", "documents flagged");
    }
}
