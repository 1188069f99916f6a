package dev.parapet.bench;

import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.UnicodeNormalizer;
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

/** The normaliser alone on ~1 KB (the inputs of {@link RulePipelineBenchmark}): the ASCII fast path and the Unicode path. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NormalizerBenchmark {

    @Param({"benign-1kb", "obfuscated-1kb", "multilingual-1kb", Inputs.CORPUS_1KB})
    public String input;

    private UnicodeNormalizer normalizer;
    private Cycle<String> texts;

    @Setup
    public void setUp() {
        normalizer = new UnicodeNormalizer();
        texts = new Cycle<>(Inputs.texts(input));
    }

    @Benchmark
    public AnalyzedText analyze() {
        return normalizer.analyze(texts.next());
    }

    /** The fast paths' proof that a text is plain, with its analysis (null when not proved), asked of every text. */
    @Benchmark
    public AnalyzedText plainAnalysis() {
        return normalizer.plainAnalysis(texts.next());
    }
}
