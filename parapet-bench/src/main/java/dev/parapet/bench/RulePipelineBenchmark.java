package dev.parapet.bench;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.text.UnicodeNormalizer;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.detect.RuleDetectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Normalise + lexicon + PII/secrets on one ~1 KB message, one thread: the default rule pipeline with
 * every detector run (exhaustive), so no early stop flatters the figure. Each project-written input is
 * one message checked again and again; {@link Inputs#CORPUS_1KB} is 1,024 different messages in turn. Three
 * forks: one JVM in three or four runs about a third slower on this shared virtual machine, in every detector alike
 * (per-detector timings from the pipeline listener), so one JVM's figure is a draw, not a measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class RulePipelineBenchmark {

    @Param({"benign-1kb", "obfuscated-1kb", "multilingual-1kb", Inputs.CORPUS_1KB})
    public String input;

    private Parapet parapet;
    private Cycle<Content> contents;

    @Setup(Level.Trial)
    public void setUp() {
        UnicodeNormalizer normalizer = new UnicodeNormalizer();
        parapet = Parapet.builder().normalizer(normalizer).exhaustive(true)
                .detectors(RuleDetectors.defaults(normalizer)).build();
        contents = new Cycle<>(java.util.Arrays.stream(Inputs.texts(input)).map(Content::user).toArray(Content[]::new));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parapet.close();
    }

    @Benchmark
    public Verdict check() {
        return parapet.check(contents.next());
    }
}
