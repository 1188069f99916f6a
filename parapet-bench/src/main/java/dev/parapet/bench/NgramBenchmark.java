package dev.parapet.bench;

import dev.parapet.ml.model.NgramClassifier;
import dev.parapet.ml.model.SafetyScores;
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

import java.util.concurrent.TimeUnit;

/** The shipped n-gram classifier alone on ~1 KB of text, one thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NgramBenchmark {

    @Param({"benign-1kb", "multilingual-1kb"})
    public String input;

    private NgramClassifier model;
    private String text;

    @Setup
    public void setUp() {
        model = NgramClassifier.load();
        text = Inputs.text(input);
    }

    @Benchmark
    public SafetyScores score() {
        return model.score(text);
    }
}
