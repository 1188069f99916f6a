package dev.parapet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.cli.ParapetCommand;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Load test of {@code parapet scan} with the rule pipeline on a realistic corpus: real benign prompts and
 * everyday sentences from the shared data (English prompts, and sentences in 24 languages), written to a
 * temporary JSONL file of about {@code targetBytes}, scanned through the real command with 1 and 2 threads: a
 * warm-up run with each, then {@value #ROUNDS} runs with each, interleaved, of which the median is reported.
 *
 * <p>Run alone (the rows of the scan section of {@code docs/BENCHMARKS.md}):
 * {@code java -Xmx4g -cp parapet-bench/target/benchmarks.jar dev.parapet.bench.ScanLoadTest --shared ../shared
 * [--mb 64] [--pipeline rules]}; the report's default-pipeline rows are {@code --mb 0.25 --pipeline default}.
 */
final class ScanLoadTest {

    record Result(String corpus, String pipeline, long bytes, long documents, int threads, double seconds) {
        double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    private final Path shared;
    private final long targetBytes;
    private final String pipeline;

    /** @param pipeline {@code rules} or {@code default} (rules and classifiers) */
    ScanLoadTest(Path shared, long targetBytes, String pipeline) {
        this.shared = shared;
        this.targetBytes = targetBytes;
        this.pipeline = pipeline;
    }

    /** Runs the load test alone and prints its table rows; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Path shared = Path.of("../shared");
        double mb = 64;
        String pipeline = "rules";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[++i]);
                case "--mb" -> mb = Double.parseDouble(args[++i]);
                case "--pipeline" -> pipeline = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--shared DIR, --mb N, --pipeline rules|default)");
            }
        }
        System.out.println(header());
        for (Result r : new ScanLoadTest(shared, (long) (mb * 1024 * 1024), pipeline).run()) {
            System.out.println(row(r));
        }
    }

    /** The head of the table {@link #row} writes rows of. */
    static String header() {
        return "| corpus | pipeline | size MB | documents | threads | seconds | MB/s | MB/s per thread | documents/s per thread |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|";
    }

    /** One result as a Markdown table row. */
    static String row(Result r) {
        return String.format(Locale.ROOT, "| %s | %s | %.1f | %,d | %d | %.2f | %.1f | %.1f | %,.0f |", r.corpus(),
                r.pipeline(), r.bytes() / 1e6, r.documents(), r.threads(), r.seconds(), r.mbPerSecond(),
                r.mbPerSecond() / r.threads(), r.documents() / r.seconds() / r.threads());
    }

    List<Result> run() throws IOException {
        List<Result> results = new ArrayList<>();
        Path dir = Files.createTempDirectory("parapet-scan-load");
        try {
            Path en = corpus(dir.resolve("english.jsonl"), Inputs.ENGLISH);
            Path multi = corpus(dir.resolve("multilingual.jsonl"), List.of(
                    "data/train-extra/ud-sentences/ud_sentences.jsonl"));
            for (Path corpus : List.of(en, multi)) {
                // Warm-up runs, discarded: one per thread count, so that the code is compiled for both.
                for (int threads : THREADS) {
                    scan(corpus, dir, threads);
                }
                // Thread counts interleaved, so that a slow spell of the machine does not fall on one of them.
                List<List<Result>> runs = new ArrayList<>();
                for (int threads : THREADS) {
                    runs.add(new ArrayList<>());
                }
                for (int round = 0; round < ROUNDS; round++) {
                    for (int k = 0; k < THREADS.length; k++) {
                        runs.get(k).add(scan(corpus, dir, THREADS[k]));
                    }
                }
                runs.forEach(r -> results.add(median(r)));
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        return results;
    }

    private static final int[] THREADS = {1, 2};
    /** Measured runs per thread count; the median is reported. */
    static final int ROUNDS = 3;

    /** The run of median duration. */
    static Result median(List<Result> runs) {
        List<Result> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Result::seconds));
        return sorted.get(sorted.size() / 2);
    }

    private Result scan(Path corpus, Path dir, int threads) throws IOException {
        Path out = dir.resolve("verdicts.jsonl");
        StringWriter err = new StringWriter();
        var cl = ParapetCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        long t0 = System.nanoTime();
        int code = cl.execute("scan", corpus.toString(), "--out", out.toString(), "--threads", String.valueOf(threads),
                "--pipeline", pipeline);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code == 2) {
            throw new IllegalStateException("scan failed: " + err);
        }
        long docs;
        try (var lines = Files.lines(out)) {
            docs = lines.count();
        }
        return new Result(corpus.getFileName().toString(), pipeline, Files.size(corpus), docs, threads, seconds);
    }

    /** Writes the texts of the given JSONL files, repeated until the target size, as {"text": ...} lines. */
    Path corpus(Path target, List<String> sources) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (String s : sources) {
            Path p = shared.resolve(s);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("the load test needs " + p + " (the shared data)");
            }
            try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode n = mapper.readTree(line);
                    if (n != null && n.hasNonNull("text")) {
                        lines.add(mapper.writeValueAsString(mapper.createObjectNode().put("text", n.get("text").asText())));
                    }
                }
            }
        }
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            while (written < targetBytes) {
                for (String l : lines) {
                    w.write(l);
                    w.write('\n');
                    written += l.getBytes(StandardCharsets.UTF_8).length + 1;
                    if (written >= targetBytes) {
                        break;
                    }
                }
            }
        }
        return target;
    }
}
