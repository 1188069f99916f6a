package dev.parapet.bench;

import dev.parapet.openness.assess.Assessment;
import dev.parapet.openness.assess.OpennessAssessor;
import dev.parapet.openness.license.LicenseKnowledge;
import dev.parapet.openness.model.ModelRelease;
import dev.parapet.openness.read.RecordException;
import dev.parapet.openness.read.RecordReaders;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every assessor over all Model Openness Framework records and all Open Source AI Index records, warm:
 * reading and assessing each file (the records come from the shared data, {@code -Dparapet.shared}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class OpennessBenchmark {

    private List<Path> files;
    private RecordReaders readers;
    private OpennessAssessor assessor;

    @Setup
    public void setUp() throws IOException {
        Path shared = Path.of(System.getProperty("parapet.shared", "../shared"));
        files = new ArrayList<>();
        files.addAll(list(shared.resolve("data/openness/mof/models")));
        files.addAll(list(shared.resolve("data/openness/osai-index/main-database")));
        readers = new RecordReaders();
        assessor = new OpennessAssessor(LicenseKnowledge.load(), null);
    }

    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the openness benchmark needs " + dir + " (the shared data)");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    int records() {
        return files.size();
    }

    @Benchmark
    public void readAndAssessAll(Blackhole bh) {
        for (Path f : files) {
            try {
                ModelRelease r = readers.read(f);
                Assessment a = assessor.assess(r);
                bh.consume(a);
            } catch (RecordException e) {
                bh.consume(e); // a file that is not a record (e.g. the index's .zenodo.json): reported by the batch, skipped here too
            }
        }
    }
}
