package dev.parapet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.cli.scan.AllowedLine;
import dev.parapet.cli.scan.DocumentReader;
import dev.parapet.cli.scan.FileMessages;
import dev.parapet.cli.scan.Format;
import dev.parapet.cli.scan.OutputBuffer;
import dev.parapet.cli.scan.Readers;
import dev.parapet.cli.scan.Row;
import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.pipeline.PipelineScreen;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.core.verdict.VerdictJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
        FileMessages messages = new FileMessages(err, MESSAGES_PER_FILE);
        long started = System.nanoTime();
        boolean unreadable = false;

        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "parapet-scan");
            t.setDaemon(true);
            return t;
        });
        try (Parapet parapet = pipeline.build(false); Sink sink = sink(spec.commandLine().getOut())) {
            Worker worker = new Worker(parapet, role, flaggedOnly);
            // Chunks in flight, in input order: the reading thread keeps the workers fed and writes
            // finished chunks in order, so reading, checking and writing overlap.
            Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
            int maxInFlight = 2 * n + 2;
            long doneBytes = 0;
            for (Path file : files) {
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    unreadable |= drain(inFlight, 0, sink, messages, summary);
                    messages.finish();
                    err.println("parapet: " + file + ": cannot read (no such file, or not a readable file)");
                    unreadable = true;
                    continue;
                }
                String name = file.toString();
                byte[] head = worker.line.head(name);
                try (DocumentReader reader = Readers.open(file, fmt, field)) {
                    List<Row> chunk = new ArrayList<>(CHUNK);
                    Row row;
                    while ((row = reader.next()) != null) {
                        chunk.add(row);
                        if (chunk.size() == CHUNK) {
                            List<Row> rows = chunk;
                            inFlight.add(pool.submit(() -> worker.check(name, rows, head)));
                            chunk = new ArrayList<>(CHUNK);
                            unreadable |= drain(inFlight, maxInFlight, sink, messages, summary);
                            progress.update(doneBytes + reader.bytesRead(), summary.documents);
                        }
                    }
                    if (!chunk.isEmpty()) {
                        List<Row> rows = chunk;
                        inFlight.add(pool.submit(() -> worker.check(name, rows, head)));
                    }
                    unreadable |= drain(inFlight, maxInFlight, sink, messages, summary);
                    doneBytes += reader.bytesRead();
                    progress.update(doneBytes, summary.documents);
                } catch (IOException e) {
                    unreadable |= drain(inFlight, 0, sink, messages, summary);
                    messages.finish();
                    err.println("parapet: " + file + ": cannot read: " + e.getMessage());
                    unreadable = true;
                }
            }
            unreadable |= drain(inFlight, 0, sink, messages, summary);
            messages.finish();
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

    /**
     * Writes finished chunks, oldest first, until at most {@code keep} are in flight.
     *
     * @return true when a chunk met a row that makes the rest of its file unreadable
     */
    private static boolean drain(Deque<Future<Chunk>> inFlight, int keep, Sink sink, FileMessages messages,
                                 Summary summary) throws IOException, InterruptedException {
        boolean unreadable = false;
        while (inFlight.size() > keep) {
            Chunk c;
            try {
                c = inFlight.removeFirst().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a worker failed: " + e.getCause().getMessage());
            }
            messages.print(c.file, c.messages);
            sink.write(c.out);
            summary.add(c.summary);
            unreadable |= c.unreadable;
        }
        return unreadable;
    }

    /** Bad rows and warnings printed for one file; the rest are counted in one line. */
    static final int MESSAGES_PER_FILE = 20;

    /** Rows handed to a worker at once: large enough that hand-offs cost nothing, small enough to keep all cores busy. */
    private static final int CHUNK = 1024;

    /** A chunk of one file checked: its output lines, its messages for standard error, its counts. */
    private record Chunk(String file, OutputBuffer out, List<String> messages, Summary summary, boolean unreadable) {
    }

    /**
     * Checks chunks of rows on a worker thread: parses unparsed lines, takes the pipeline's fast path
     * ({@link PipelineScreen}) where it proves the verdict is a plain allow, and the full pipeline
     * elsewhere. Thread-safe: it holds only immutable parts.
     */
    private static final class Worker {
        private final Parapet parapet;
        private final Role role;
        private final boolean flaggedOnly;
        private final VerdictJson json = new VerdictJson(new ObjectMapper());
        private final PipelineScreen screen; // null when the pipeline has no fast path
        final AllowedLine line;

        Worker(Parapet parapet, Role role, boolean flaggedOnly) {
            this.parapet = parapet;
            this.role = role;
            this.flaggedOnly = flaggedOnly;
            this.screen = PipelineScreen.of(parapet.pipeline()).orElse(null);
            Verdict allow = screen != null ? screen.allow(Duration.ZERO)
                    : new Verdict(Action.ALLOW, Map.of(), java.util.Set.of(), List.of(), java.util.Optional.empty(),
                    List.of(), List.of(), parapet.policy().id(), parapet.policy().version(), Duration.ZERO);
            this.line = new AllowedLine(json, allow);
        }

        Chunk check(String file, List<Row> rows, byte[] head) {
            OutputBuffer out = new OutputBuffer();
            List<String> messages = new ArrayList<>();
            Summary summary = new Summary();
            boolean unreadable = false;
            for (Row row : rows) {
                Row r = row instanceof Row.Unparsed u ? u.parse() : row;
                if (r == null) {
                    continue; // a blank line
                }
                if (r instanceof Row.Bad bad) {
                    summary.bad++;
                    unreadable |= bad.wholeFile();
                    messages.add("parapet: " + bad.file() + ":" + bad.line() + ": " + bad.reason());
                    continue;
                }
                Row.Document d = (Row.Document) r;
                if (!d.warning().isEmpty()) {
                    messages.add("parapet: " + d.file() + ":" + d.line() + ": warning: " + d.warning());
                }
                long t0 = System.nanoTime();
                if (screen != null && screen.clears(d.text(), role)) {
                    summary.allowed(d.bytes());
                    if (!flaggedOnly) {
                        line.write(out, head, d.line(), Duration.ofNanos(System.nanoTime() - t0));
                    }
                    continue;
                }
                Verdict v = parapet.check(Content.of(d.text(), role));
                summary.add(v, d.bytes());
                if (!flaggedOnly || v.flagged()) {
                    ObjectNode o = json.object();
                    o.put("file", d.file());
                    o.put("line", d.line());
                    out.append(json.write(json.toJson(o, v))).append((byte) '\n');
                }
            }
            return new Chunk(file, out, messages, summary, unreadable);
        }
    }

    /** Where the verdict lines go: bytes to a file, or text to standard output (which picocli holds as a writer). */
    private interface Sink extends AutoCloseable {
        void write(OutputBuffer chunk) throws IOException;

        @Override
        void close() throws IOException;
    }

    private Sink sink(PrintWriter stdout) throws IOException {
        if (out == null) {
            return new Sink() {
                @Override
                public void write(OutputBuffer chunk) {
                    stdout.write(chunk.toString());
                }

                @Override
                public void close() {
                    stdout.flush(); // never close standard output
                }
            };
        }
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        return new Sink() {
            @Override
            public void write(OutputBuffer chunk) throws IOException {
                chunk.writeTo(file);
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
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

    /** Counts for the closing summary: one per chunk on its worker, merged on the writing thread. */
    private static final class Summary {
        long documents;
        long bad;
        long flagged;
        long bytes;
        final Map<Action, Long> actions = new EnumMap<>(Action.class);
        final Map<String, Long> categories = new TreeMap<>();

        /** A document the fast path cleared: allowed, nothing flagged. */
        void allowed(long size) {
            documents++;
            bytes += size;
            actions.merge(Action.ALLOW, 1L, Long::sum);
        }

        void add(Summary other) {
            documents += other.documents;
            bad += other.bad;
            flagged += other.flagged;
            bytes += other.bytes;
            other.actions.forEach((a, k) -> actions.merge(a, k, Long::sum));
            other.categories.forEach((c, k) -> categories.merge(c, k, Long::sum));
        }

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
