package dev.parapet.bench;

import dev.parapet.agent.AgentContext;
import dev.parapet.agent.AgentGuard;
import dev.parapet.agent.GuardResult;
import dev.parapet.agent.ToolCall;
import dev.parapet.agent.ToolOutput;
import dev.parapet.agent.policy.ToolPolicy;
import dev.parapet.agent.policy.ToolPolicyLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code AgentGuard.checkToolCall} with a 50-tool policy, one thread: a payment whose recipient and amount the
 * user gave, checked after the agent has read a 2 KB e-mail (so provenance and scope are traced through the
 * context), and the same call at the start of a conversation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AgentGuardBenchmark {

    /** Tools in the benchmark's policy. */
    static final int TOOLS = 50;

    @Param({"after-tool-output", "fresh-conversation"})
    public String input;

    private AgentGuard guard;
    private AgentContext context;
    private ToolCall call;

    @Setup
    public void setUp() {
        guard = AgentGuard.of(policy());
        AgentContext start = AgentContext.ofUser("Please pay 120.50 EUR to DE44500105175407324931 for the October "
                + "cleaning invoice, then check my inbox for the supplier review.");
        context = input.equals("fresh-conversation") ? start
                : guard.checkToolOutput(ToolOutput.of("read_inbox", Inputs.text("tool-output-2kb")), start).context();
        call = ToolCall.of("send_money", Map.of("recipient", "DE44500105175407324931", "amount", 120.5,
                "subject", "October cleaning invoice"));
        GuardResult first = guard.checkToolCall(call, context);
        if (!first.decision().allowed()) {
            throw new IllegalStateException("the benchmark's call should be allowed: " + first.decision());
        }
    }

    /** 50 tools: ten families of readers, writers, senders, payers and deleters, as a large agent has. */
    static ToolPolicy policy() {
        StringBuilder y = new StringBuilder("unknown_tools: block\nrisk_threshold: 0.6\ntools:\n");
        y.append("""
                  send_money:
                    capabilities: [spends_money, sends_externally]
                    intents: [pay, send, transfer]
                    rate_limit: {max_calls: 5}
                    arguments:
                      recipient: {target: true, required: true, pattern: "[A-Z]{2}[0-9A-Z]{12,32}"}
                      amount: {required: true, min: 0, max: 5000}
                      subject: {max_length: 500}
                  read_inbox:
                    capabilities: [reads]
                    intents: [inbox, email, mail]
                """);
        String[] kinds = {"reads", "writes", "sends_externally", "deletes", "executes_code"};
        for (int i = 0; i < TOOLS - 2; i++) {
            String kind = kinds[i % kinds.length];
            y.append("  tool_").append(i).append(":\n    capabilities: [").append(kind).append("]\n")
                    .append("    intents: [topic").append(i).append(", item").append(i).append("]\n")
                    .append("    arguments:\n      target: {target: true, pattern: \"[a-z0-9._-]{1,64}\"}\n")
                    .append("      note: {max_length: 200}\n");
        }
        ToolPolicy p = ToolPolicyLoader.parse("benchmark-50-tools", y.toString());
        if (p.tools().size() != TOOLS) {
            throw new IllegalStateException("the benchmark policy has " + p.tools().size() + " tools");
        }
        return p;
    }

    @Benchmark
    public GuardResult checkToolCall() {
        return guard.checkToolCall(call, context);
    }
}
