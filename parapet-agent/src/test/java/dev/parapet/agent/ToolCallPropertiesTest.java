package dev.parapet.agent;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

class ToolCallPropertiesTest {

    @Property(tries = 300)
    void anyArgumentsTextParsesOrIsRejectedClearly(@ForAll String arguments) {
        try {
            ToolCall c = ToolCall.parse("tool", arguments);
            assertThat(c.arguments().isObject()).isTrue();
        } catch (MalformedToolCallException e) {
            assertThat(e.getMessage()).startsWith("arguments of 'tool'");
        }
    }

    @Property(tries = 100)
    void deeplyNestedArgumentsAreRejected(@ForAll("depth") int depth) {
        String json = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        try {
            ToolCall.parse("tool", json);
            assertThat(depth).isLessThanOrEqualTo(32);
        } catch (MalformedToolCallException e) {
            assertThat(e.getMessage()).contains("not valid JSON");
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> depth() {
        return net.jqwik.api.Arbitraries.integers().between(1, 5000);
    }
}
