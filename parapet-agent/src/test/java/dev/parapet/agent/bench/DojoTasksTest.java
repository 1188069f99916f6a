package dev.parapet.agent.bench;

import dev.parapet.core.yaml.YamlException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DojoTasksTest {

    @Test
    void readsPythonLiteralsJoinedWithPlus() {
        assertThat(DojoTasks.literal("f'Invite {NAME} to Slack.' + 'Her site is {URL}.'"))
                .isEqualTo("Invite {NAME} to Slack.Her site is {URL}.");
        assertThat(DojoTasks.literal("f\"It's {X}\\n\"")).isEqualTo("It's {X}\n");
        assertThat(DojoTasks.literal("Plain text, not a literal")).isEqualTo("Plain text, not a literal");
    }

    @Test
    void fillsPlaceholdersAndNamesTheMissingOne() {
        assertThat(DojoTasks.fill("Pay {IBAN} {', '.join(x)}", Map.of("IBAN", "DE1"), "t")).isEqualTo("Pay DE1 {', '.join(x)}");
        assertThatThrownBy(() -> DojoTasks.fill("Pay {IBAN}", Map.of(), "banking/UserTask3"))
                .hasMessageContaining("banking/UserTask3").hasMessageContaining("{IBAN}");
    }

    @Test
    void everyShippedSuiteHasScenarios() {
        int tasks = 0;
        for (String suite : AgentBenchmarks.DOJO_SUITES) {
            DojoScenarios s = DojoScenarios.shipped(suite);
            assertThat(s.suite()).isEqualTo(suite);
            assertThat(s.injectionTasks()).isNotEmpty();
            tasks += s.userTasks().size();
            AgentBenchmarks.policy("agentdojo-" + suite); // loads without errors
        }
        assertThat(tasks).isGreaterThanOrEqualTo(40);
        AgentBenchmarks.policy("injecagent");
    }

    @Test
    void badScenariosNameTheLine() {
        assertThatThrownBy(() -> DojoScenarios.parse("s.yaml", "suite: x\nuser_tasks:\n  - task: A\n    stepz: []\n"
                + "injection_tasks: []\n")).isInstanceOf(YamlException.class).hasMessageContaining("s.yaml")
                .hasMessageContaining("stepz");
    }
}
