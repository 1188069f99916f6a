package dev.parapet.bench;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.text.UnicodeNormalizer;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.ml.DefaultDetectors;
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

/** The default pipeline (rules and the shipped classifiers) on one message, one thread, every detector run. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class DefaultPipelineBenchmark {

    @Param({"prompt-100-tokens", "benign-1kb", "benign-8kb"})
    public String input;

    private Parapet parapet;
    private Content content;

    @Setup(Level.Trial)
    public void setUp() {
        parapet = build();
        String text = input.equals("benign-8kb") ? (Inputs.text("benign-1kb") + "\n").repeat(8) : Inputs.text(input);
        content = Content.user(text);
    }

    static Parapet build() {
        UnicodeNormalizer normalizer = new UnicodeNormalizer();
        return Parapet.builder().normalizer(normalizer).exhaustive(true)
                .detectors(DefaultDetectors.all(normalizer)).build();
    }

    /** Resident set size of this process in MB (Linux), or -1 when unknown. */
    static double residentMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Heap retained by a built default pipeline, in MB (measured around building one). */
    static double retainedHeapMb() throws InterruptedException {
        long before = BenchmarkReport.usedHeap();
        Parapet p = build();
        p.check(Content.user("warm up"));
        long after = BenchmarkReport.usedHeap();
        p.close();
        return (after - before) / 1e6;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parapet.close();
    }

    @Benchmark
    public Verdict check() {
        return parapet.check(content);
    }
}
