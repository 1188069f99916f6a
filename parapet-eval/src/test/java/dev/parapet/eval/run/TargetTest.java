package dev.parapet.eval.run;

import dev.parapet.eval.dataset.DatasetException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which verdict categories count as catching a dataset's positives. */
class TargetTest {

    @Test
    void harmCountsJailbreaksButNotATakeoverOfTheTaskNorPersonalDataOrCredentials() {
        assertThat(Target.resolve(List.of("unsafe")))
                .contains("hate", "violent_crimes", "profanity", "jailbreak")
                .doesNotContain("prompt_injection", "pii", "secrets");
        assertThat(Target.resolve(List.of("injection"))).containsExactlyInAnyOrder("prompt_injection", "jailbreak");
    }

    @Test
    void bothTogetherCountEveryFlagButPersonalDataAndCredentials() {
        assertThat(Target.resolve(List.of("unsafe", "injection"))).contains("prompt_injection", "jailbreak", "hate")
                .doesNotContain("pii", "secrets");
        assertThat(Target.describe(Target.resolve(List.of("unsafe", "injection")))).startsWith("unsafe or injection");
        assertThat(Target.describe(Target.resolve(List.of("unsafe")))).startsWith("unsafe (");
        assertThat(Target.describe(List.of("hate", "pii"))).isEqualTo("hate, pii");
    }

    @Test
    void anUnknownNameIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> Target.resolve(List.of("toxic"))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("unknown target category 'toxic'").hasMessageContaining("injection");
    }
}
