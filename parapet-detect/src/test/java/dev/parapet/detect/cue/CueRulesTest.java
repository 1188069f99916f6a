package dev.parapet.detect.cue;

import dev.parapet.core.detect.Deadline;
import dev.parapet.core.text.UnicodeNormalizer;
import dev.parapet.core.yaml.YamlException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading cue rules, and the {@code unless} terms that cancel a match. */
class CueRulesTest {

    private static final Set<String> CATEGORIES = Set.of("prompt_injection", "intellectual_property");

    private static List<CueMatcher.Match> find(String yaml, String text) {
        CueMatcher m = new CueMatcher(CueRules.parse("r.yaml", yaml, CATEGORIES), new UnicodeNormalizer());
        return m.find(text, Deadline.none());
    }

    @Test
    void badRulesNameTheLine() {
        assertThatThrownBy(() -> CueRules.parse("r.yaml", "rules:\n  - id: x\n    category: nope\n"
                + "    weight: 0.5\n    window: 10\n    groups: [[a]]\n", CATEGORIES))
                .isInstanceOf(YamlException.class).hasMessageContaining("r.yaml").hasMessageContaining("3")
                .hasMessageContaining("intellectual_property");
        assertThatThrownBy(() -> CueRules.parse("r.yaml", "rules:\n  - id: x\n    category: prompt_injection\n"
                + "    weight: 0.5\n    window: 10\n    pasted: true\n    groups: [[a]]\n", CATEGORIES))
                .isInstanceOf(YamlException.class).hasMessageContaining("pasted applies to data-only rules");
        assertThatThrownBy(() -> CueRules.parse("r.yaml", "rules:\n  - id: x\n    category: prompt_injection\n"
                + "    weight: 0.5\n    window: 10\n    restricted: true\n    groups: [[a]]\n", CATEGORIES))
                .isInstanceOf(YamlException.class).hasMessageContaining("restricted applies to data-only rules");
        assertThatThrownBy(() -> CueRules.parse("r.yaml", "rules:\n  - id: x\n    category: prompt_injection\n"
                + "    weight: 0.5\n    window: 10\n    groups: [[a]]\n    unless: []\n", CATEGORIES))
                .isInstanceOf(YamlException.class).hasMessageContaining("empty group");
    }

    @Test
    void anUnlessTermNearAMatchCancelsIt() {
        String yaml = "rules:\n  - id: lyrics\n    category: intellectual_property\n    weight: 0.7\n    window: 40\n"
                + "    groups: [[write out, give me], [full lyrics]]\n    unless: [meaning, summary]\n";
        assertThat(find(yaml, "write out the full lyrics of that song")).hasSize(1);
        assertThat(find(yaml, "write out the meaning of the full lyrics of that song")).isEmpty();
        assertThat(find(yaml, "give me the full lyrics, then a summary")).isEmpty();
        // Beyond the window the term says nothing about this request.
        assertThat(find(yaml, "give me the full lyrics of that song." + " ".repeat(60) + "I know its meaning"))
                .hasSize(1);
        // Unless terms keep the word edges of the others: a short one must be a whole word ("tab" is not "tablature").
        String tabs = yaml.replace("[meaning, summary]", "[tab]");
        assertThat(find(tabs, "give me the full lyrics as a tab")).isEmpty();
        assertThat(find(tabs, "give me the full lyrics and the tablature")).hasSize(1);
    }

    @Test
    void unlessTermsCancelOnlyTheirOwnRule() {
        String yaml = "rules:\n"
                + "  - id: a\n    category: intellectual_property\n    weight: 0.7\n    window: 40\n"
                + "    groups: [[full lyrics]]\n    unless: [meaning]\n"
                + "  - id: b\n    category: prompt_injection\n    weight: 0.7\n    window: 40\n"
                + "    groups: [[ignore]]\n";
        assertThat(find(yaml, "ignore the meaning of the full lyrics")).extracting(m -> m.rule().id())
                .containsExactly("b");
    }
}
