package dev.parapet.agent.policy;

import dev.parapet.core.yaml.YamlException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolPolicyLoaderTest {

    private static YamlException error(String yaml) {
        try {
            ToolPolicyLoader.parse("p.yaml", yaml);
        } catch (YamlException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    @Test
    void readsAPolicy() {
        ToolPolicy p = ToolPolicyLoader.parse("p.yaml", """
                unknown_tools: require_approval
                risk_threshold: 0.7
                tools:
                  send:
                    capabilities: [sends_externally]
                    approval: if_untrusted
                    rate_limit: {max_calls: 3}
                    arguments:
                      to: {target: true, allowed_domains: [example.com]}
                """);
        ToolRule send = p.tool("send").orElseThrow();
        assertThat(send.capabilities()).containsExactly(Capability.SENDS_EXTERNALLY);
        assertThat(send.approval()).isEqualTo(Approval.IF_UNTRUSTED);
        assertThat(send.rateLimit().orElseThrow().maxCalls()).isEqualTo(3);
        assertThat(send.argument("to").target()).isTrue();
        assertThat(p.riskThreshold()).isEqualTo(0.7);
        assertThat(ArgumentChecks.violation(send.argument("to"), "a@mail.example.com")).isNull();
        assertThat(ArgumentChecks.violation(send.argument("to"), "a@evil.test")).contains("evil.test");
    }

    @Test
    void errorsNameFileLineAndReason() {
        YamlException e = error("tools:\n  t:\n    capabilities: [reads, flies]\n");
        assertThat(e.getMessage()).contains("p.yaml", "3", "unknown capability 'flies'");
        assertThat(error("tools:\n  t:\n    capabilities: [reads]\n    arguments:\n      n: {min: 5, max: 1}\n")
                .getMessage()).contains("p.yaml", "5", "min 5.0 is above max 1.0");
        assertThat(error("tools:\n  t:\n    capabilities: [writes]\n    arguments:\n      n: {pattern: \"[a-z]{2}\","
                + " allowed_values: [abc]}\n").getMessage()).contains("contradicts", "abc");
        assertThat(error("tools:\n  t:\n    capabilities: [reads]\n    rate_limit: {max_calls: 0}\n").getMessage())
                .contains("4", "max_calls");
        assertThat(error("tools:\n  t:\n    capabilities: [reads]\n    aproval: always\n").getMessage())
                .contains("unknown key 'aproval'");
        assertThat(error("tools:\n  t:\n    capabilities: []\n").getMessage()).contains("at least one capability");
        assertThat(error("tools:\n  t:\n    capabilities: [reads]\n    arguments:\n      x: {pattern: \"(a+)+\"}\n")
                .getMessage()).contains("5", "repeated group");
        assertThat(error("unknown_tools: allow\ntools: {}\n").getMessage()).contains("block or require_approval");
    }

    @Test
    void boundedPatternsRefuseWhatCouldBacktrack() {
        assertThatThrownBy(() -> BoundedPattern.compile("(a|aa)*")).hasMessageContaining("repeated group");
        assertThatThrownBy(() -> BoundedPattern.compile("(x+x+)+y")).hasMessageContaining("repeated group");
        assertThatThrownBy(() -> BoundedPattern.compile("(a)\\1")).hasMessageContaining("back-references");
        assertThatThrownBy(() -> BoundedPattern.compile("(?=a)b")).hasMessageContaining("look-around");
        assertThat(BoundedPattern.compile("(?i)[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{4}){2,7}").matches("de89370400440532013000"))
                .isFalse();
        assertThat(BoundedPattern.compile("[A-Z]{2}[0-9A-Z]{10,32}").matches("DE89370400440532013000")).isTrue();
    }

    @Property(tries = 200)
    void acceptedPatternsRunOnHostileInput(@ForAll String regex) {
        BoundedPattern p;
        try {
            p = BoundedPattern.compile(regex);
        } catch (IllegalArgumentException e) {
            return;
        }
        p.matches("a".repeat(5_000) + "!");
    }
}
