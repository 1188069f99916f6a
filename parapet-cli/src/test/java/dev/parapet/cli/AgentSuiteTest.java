package dev.parapet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AgentSuiteTest {

    @Test
    void noSectionWithoutAgentData(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        assertThat(new AgentSuite().markdownSection(data)).isEmpty();
    }

    @Test
    void sectionHasARowPerBenchmarkAndSetting() throws Exception {
        Path data = Path.of(System.getProperty("parapet.shared", "../shared")).resolve("data");
        assumeTrue(Files.isDirectory(data.resolve("agentic")), "the shared agent benchmarks are not at " + data);
        String md = new AgentSuite().markdownSection(data).orElseThrow();
        assertThat(md).startsWith("## Agent benchmarks");
        assertThat(md.lines().filter(l -> l.startsWith("| injecagent |"))).hasSize(4);
        assertThat(md.lines().filter(l -> l.startsWith("| agentdojo |"))).hasSize(4);
        assertThat(md).containsPattern("\\| agentdojo \\| banking \\| \\d+\\.\\d% \\(\\d+/\\d+\\) \\| \\d+\\.\\d% \\(\\d+/\\d+\\) \\|");
    }
}
