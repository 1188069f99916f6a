package dev.parapet.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The agent-safety section of {@code docs/BENCHMARKS.md}: the guard's call check, the injection classifier, and a
 * user's message checked against its system prompt.
 */
final class AgentSection {

    private AgentSection() {
    }

    static String markdown() throws RunnerException {
        StringBuilder md = new StringBuilder("\n## Agent guard and injection classifier (one thread)\n");
        table(md, "`AgentGuardBenchmark`: `AgentGuard.checkToolCall` with a 50-tool policy, a payment whose recipient and "
                + "amount the user gave; `after-tool-output` checks it after a 2 KB e-mail was read (provenance traced "
                + "through the context). Target: p50 ≤ 50 µs.", AgentGuardBenchmark.class);
        table(md, "`InjectionClassifierBenchmark`: the `ml-injection` detector on a 2 KB tool output (every window), "
                + "clean and with an injected sentence. Target: p50 ≤ 5 ms.", InjectionClassifierBenchmark.class);
        table(md, "`InstructionsBenchmark`: the rule pipeline on a ~100-token user message, alone and checked against "
                + "a ~700-character system prompt that holds a customer record and forbids topics (the injection "
                + "detector reads the prompt; what it protects is read once and kept), and on a ~100-token answer "
                + "checked with the same prompt for the values it keeps.", InstructionsBenchmark.class);
        return md.toString();
    }

    /** A paragraph on one benchmark and its percentiles per input. */
    private static void table(StringBuilder md, String description, Class<?> benchmark) throws RunnerException {
        md.append("\n").append(description).append("\n\n");
        md.append("| input | p50 µs | p90 µs | p99 µs | mean µs |\n|---|---:|---:|---:|---:|\n");
        for (RunResult r : new Runner(new OptionsBuilder().include(benchmark.getName()).shouldFailOnError(true).build()).run()) {
            md.append(BenchmarkReport.percentileRow(r));
        }
    }
}
