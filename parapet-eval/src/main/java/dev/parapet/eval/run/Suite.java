package dev.parapet.eval.run;

import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * A named set of benchmark runs, e.g. {@code standard}. Suites are pluggable: register one with
 * {@link SuiteRegistry#with(Suite)} (the agent benchmark is one).
 */
public interface Suite {

    String name();

    /** One line for {@code --help} and reports. */
    String description();

    /**
     * Whether its Markdown report is the project's evaluation page (docs/EVALUATION.md: the quality bar and the
     * published figures beside each run) rather than a plain list of its runs.
     */
    default boolean evaluationPage() {
        return false;
    }

    /** Runs every benchmark of the suite that the data allows. */
    SuiteResult run(Context context);

    /**
     * What a suite runs with.
     *
     * @param dataRoot  the data folder
     * @param filter    the filter under test
     * @param threshold overrides the filter's thresholds when present
     * @param limit     at most this many examples per benchmark (a quick look); {@code Long.MAX_VALUE} for all
     * @param progress  told how far it has got
     */
    record Context(Path dataRoot, Filter filter, OptionalDouble threshold, long limit, Progress progress) {
    }
}
