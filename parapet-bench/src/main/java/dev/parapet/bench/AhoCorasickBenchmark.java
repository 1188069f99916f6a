package dev.parapet.bench;

import dev.parapet.core.match.AhoCorasick;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Building an automaton of 100,000 terms, and matching with it. */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class AhoCorasickBenchmark {

    static final int TERMS = 100_000;

    private List<String> terms;
    private AhoCorasick automaton;
    private String text;

    /** Pseudo-words of 4-14 letters, a realistic shape for lexicon terms; fixed seed. */
    static List<String> terms(int n) {
        SplittableRandom r = new SplittableRandom(42);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = 4 + r.nextInt(11);
            StringBuilder sb = new StringBuilder(len);
            for (int k = 0; k < len; k++) {
                sb.append((char) ('a' + r.nextInt(26)));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Setup
    public void setUp() {
        terms = terms(TERMS);
        automaton = AhoCorasick.build(terms);
        String benign = Inputs.text("benign-1kb").toLowerCase();
        text = benign.repeat(1024); // ~1 MB
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public AhoCorasick build100k() {
        return AhoCorasick.build(terms);
    }

    /** Matches over ~1 MB of benign text; throughput is text size over this time. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void search1mb(Blackhole bh) {
        automaton.search(text, (p, s, e) -> {
            bh.consume(p);
            return true;
        });
    }

    int textLength() {
        return text.length();
    }
}
