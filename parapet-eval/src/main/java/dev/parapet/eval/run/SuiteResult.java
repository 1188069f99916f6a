package dev.parapet.eval.run;

import java.util.List;

/**
 * The outcome of a suite.
 *
 * @param suite   its name
 * @param runs    one result per benchmark run
 * @param skipped benchmarks that could not run, each with the reason
 */
public record SuiteResult(String suite, List<RunResult> runs, List<String> skipped) {

    public SuiteResult {
        runs = List.copyOf(runs);
        skipped = List.copyOf(skipped);
    }
}
