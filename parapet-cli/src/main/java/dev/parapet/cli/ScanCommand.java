package dev.parapet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.cli.scan.DocumentReader;
import dev.parapet.cli.scan.Format;
import dev.parapet.cli.scan.Readers;
import dev.parapet.cli.scan.Row;
import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.core.verdict.VerdictJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code parapet scan}: verdicts for every document of JSONL, CSV/TSV or plain-text files, on all cores,
 * in input order. A bad row is reported with file and line and skipped; the others go on.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Check every document of JSONL, CSV/TSV or text files (one document per line); "
                + "write verdicts as JSON Lines.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing flagged", "1:something flagged", "2:usage error, or a file could not be read"})
final class ScanCommand implements Callable<Integer> {

    private static final int BATCH = 2048;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Input files (.jsonl, .csv, .tsv, text; .gz too).")
    List<Path> files;

    @Option(names = "--field", defaultValue = "text", paramLabel = "NAME",
            description = "The text field or column (default: ${DEFAULT-VALUE}); a dotted path for nested JSON.")
    String field;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto, jsonl, csv, tsv or text (default: by file extension).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write verdicts here instead of standard output.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--flagged-only", description = "Write only the verdicts of flagged documents.")
    boolean flaggedOnly;

    @Mixin
    PipelineOptions pipeline;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Format fmt;
        try {
            fmt = Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("unknown format '" + format + "' (auto, jsonl, csv, tsv, text)");
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 512) {
            throw new InputException("--threads must be between 1 and 512");
        }
        Role role = pipeline.role();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, totalBytes(), System.console() != null);
        Summary summary = new Summary();
        ObjectMapper mapper = new ObjectMapper();
        VerdictJson json = new VerdictJson(mapper);
        long started = System.nanoTime();
        boolean unreadable = false;

        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "parapet-scan");
            t.setDaemon(true);
            return t;
        });
        try (Parapet parapet = pipeline.build(false); Writer w = writer(spec.commandLine().getOut())) {
            long doneBytes = 0;
            for (Path file : files) {
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    err.println("parapet: " + file + ": cannot read (no such file, or not a readable file)");
                    unreadable = true;
                    continue;
                }
                try (DocumentReader reader = Readers.open(file, fmt, field)) {
                    List<Row.Document> batch = new ArrayList<>(BATCH);
                    Row row;
                    while ((row = reader.next()) != null) {
                        if (row instanceof Row.Bad bad) {
                            summary.bad++;
                            unreadable |= bad.wholeFile();
                            err.println("parapet: " + bad.file() + ":" + bad.line() + ": " + bad.reason());
                            continue;
                        }
                        Row.Document doc = (Row.Document) row;
                        if (!doc.warning().isEmpty()) {
                            err.println("parapet: " + doc.file() + ":" + doc.line() + ": warning: " + doc.warning());
                        }
                        batch.add(doc);
                        if (batch.size() == BATCH) {
                            process(batch, parapet, role, pool, n, json, w, summary);
                            batch.clear();
                            progress.update(doneBytes + reader.bytesRead(), summary.documents);
                        }
                    }
                    process(batch, parapet, role, pool, n, json, w, summary);
                    doneBytes += reader.bytesRead();
                    progress.update(doneBytes, summary.documents);
                } catch (IOException e) {
                    err.println("parapet: " + file + ": cannot read: " + e.getMessage());
                    unreadable = true;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        progress.finish();
        summary.print(err, (System.nanoTime() - started) / 1e9);
        err.flush();
        if (unreadable) {
            return ExitCodes.USAGE;
        }
        return summary.flagged > 0 ? ExitCodes.FLAGGED : ExitCodes.OK;
    }

    private void process(List<Row.Document> batch, Parapet parapet, Role role, ExecutorService pool, int n,
                         VerdictJson json, Writer w, Summary summary) throws IOException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        int chunk = (batch.size() + n - 1) / n;
        List<Future<List<Result>>> futures = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += chunk) {
            List<Row.Document> part = batch.subList(from, Math.min(batch.size(), from + chunk));
            futures.add(pool.submit(() -> {
                List<Result> results = new ArrayList<>(part.size());
                for (Row.Document d : part) {
                    Verdict v = parapet.check(Content.of(d.text(), role));
                    String line = null;
                    if (!flaggedOnly || v.flagged()) {
                        ObjectNode o = json.object();
                        o.put("file", d.file());
                        o.put("line", d.line());
                        line = json.write(json.toJson(o, v));
                    }
                    results.add(new Result(v, line, d.bytes()));
                }
                return results;
            }));
        }
        for (Future<List<Result>> f : futures) {
            List<Result> results;
            try {
                results = f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a worker failed: " + e.getCause().getMessage());
            }
            for (Result r : results) {
                summary.add(r.verdict, r.bytes);
                if (r.line != null) {
                    w.write(r.line);
                    w.write('\n');
                }
            }
        }
    }

    private record Result(Verdict verdict, String line, long bytes) {
    }

    private Writer writer(PrintWriter stdout) throws IOException {
        if (out == null) {
            return new BufferedWriter(stdout, 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush(); // never close standard output
                }
            };
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    private long totalBytes() {
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.isRegularFile(f) ? Files.size(f) : 0;
            } catch (IOException ignored) {
                // reported when the file is opened
            }
        }
        return total;
    }

    /** Counts for the closing summary. Used on the writing thread only. */
    private static final class Summary {
        long documents;
        long bad;
        long flagged;
        long bytes;
        final Map<Action, Long> actions = new EnumMap<>(Action.class);
        final Map<String, Long> categories = new TreeMap<>();

        void add(Verdict v, long size) {
            documents++;
            bytes += size;
            actions.merge(v.action(), 1L, Long::sum);
            if (v.flagged()) {
                flagged++;
            }
            v.flaggedCategories().forEach(c -> categories.merge(c, 1L, Long::sum));
        }

        void print(PrintWriter err, double seconds) {
            err.println(String.format(Locale.ROOT, "scanned %,d documents (%,d bad rows skipped) in %.2f s: "
                            + "%,.0f documents/s, %.1f MB/s", documents, bad, seconds,
                    documents / Math.max(seconds, 1e-9), bytes / 1e6 / Math.max(seconds, 1e-9)));
            err.println(String.format(Locale.ROOT, "flagged %,d (%.2f%%); actions: %s", flagged,
                    documents == 0 ? 0.0 : 100.0 * flagged / documents, actions));
            categories.forEach((c, k) -> err.println(String.format(Locale.ROOT, "  %-26s %,d", c, k)));
        }
    }

    /** A progress bar on standard error, drawn only when it is a terminal. */
    private static final class Progress {
        private final PrintWriter err;
        private final long total;
        private final boolean enabled;
        private long lastDraw;

        Progress(PrintWriter err, long total, boolean enabled) {
            this.err = err;
            this.total = total;
            this.enabled = enabled;
        }

        void update(long bytes, long docs) {
            if (!enabled || total <= 0) return;
            long now = System.nanoTime();
            if (now - lastDraw < 200_000_000L) return;
            lastDraw = now;
            int width = 30;
            double frac = Math.min(1.0, bytes / (double) total);
            int filled = (int) (frac * width);
            err.print(String.format(Locale.ROOT, "\r[%s%s] %5.1f%%  %,d documents", "#".repeat(filled),
                    " ".repeat(width - filled), frac * 100, docs));
            err.flush();
        }

        void finish() {
            if (enabled && lastDraw != 0) {
                err.print("\r" + " ".repeat(60) + "\r");
                err.flush();
            }
        }
    }
}
