package dev.parapet.eval.dataset;

import dev.parapet.core.hash.HashSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Reads datasets into {@link Example}s, counting and reporting every row it cannot use. Stateless. */
public final class DatasetLoader {

    /** How many bad rows are kept with their reasons; all are counted. */
    public static final int MAX_ISSUES = 100;

    private final Path dataRoot;
    private final Path projectRoot;

    /** @param dataRoot the folder holding {@code safety/}, {@code multilingual/}, {@code injection/} */
    public DatasetLoader(Path dataRoot) {
        this(dataRoot, Path.of(""));
    }

    /** @param projectRoot the project's checkout, for the sets the project writes itself */
    public DatasetLoader(Path dataRoot, Path projectRoot) {
        this.dataRoot = dataRoot;
        this.projectRoot = projectRoot;
    }

    /**
     * Checks that a data folder exists.
     *
     * @throws DatasetException naming the folder and how to point at another one
     */
    public static Path requireDataRoot(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("data folder " + dir.toAbsolutePath().normalize() + " not found; give"
                    + " --data DIR (the folder holding safety/, multilingual/ and injection/)");
        }
        return dir;
    }

    /**
     * Loads the examples a selector names.
     *
     * @param limit at most this many examples (a small slice for tests); {@code Long.MAX_VALUE} for all
     */
    public LoadedDataset load(DatasetSpec spec, Selector selector, long limit) {
        Path root = spec.inProject() ? projectRoot : requireDataRoot(dataRoot);
        Path folder = root.resolve(spec.folder());
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(spec.name() + ": folder " + folder + " not found under the "
                    + (spec.inProject() ? "working directory (run from the project's root)" : "data folder"));
        }
        Sink sink = new Sink(selector, limit);
        Set<String> licences = new LinkedHashSet<>();
        List<String> files = new ArrayList<>();
        for (SourceSpec src : spec.sources()) {
            if (selector.split().isPresent() && spec.splits() == DatasetSpec.Splits.OFFICIAL
                    && !selector.split().get().equals(src.split())) {
                continue;
            }
            licences.add(src.licence().isEmpty() ? spec.licence() : src.licence());
            for (Path file : resolve(folder, src.files())) {
                files.add(root.toAbsolutePath().relativize(file.toAbsolutePath()).toString());
                String split = spec.splits() == DatasetSpec.Splits.OFFICIAL ? src.split() : "";
                read(file, src, split, spec.splits() == DatasetSpec.Splits.HASH, sink);
                if (sink.full()) break;
            }
            if (sink.full()) break;
        }
        return sink.result(selector.toString(), licences.size() == 1 ? licences.iterator().next() : "mixed", files);
    }

    /** Loads a user's file read as {@code src} describes (its {@code files} are ignored). */
    public static LoadedDataset loadFile(Path file, SourceSpec src, long limit) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file + ": no such file");
        }
        Sink sink = new Sink(new Selector(file.getFileName().toString(), Optional.empty(),
                Optional.empty(), List.of()), limit);
        read(file, src, "", false, sink);
        return sink.result(file.getFileName().toString(), "", List.of(file.toString()));
    }

    private static List<Path> resolve(Path folder, List<String> patterns) {
        List<Path> all;
        try (Stream<Path> s = Files.walk(folder)) {
            all = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Path> out = new LinkedHashSet<>();
        for (String p : patterns) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p);
            List<Path> hits = all.stream().filter(f -> m.matches(folder.relativize(f))).toList();
            if (hits.isEmpty()) {
                throw new DatasetException(folder + ": no file matches '" + p + "'");
            }
            out.addAll(hits);
        }
        return List.copyOf(out);
    }

    private static void read(Path file, SourceSpec src, String split, boolean hashSplit, Sink sink) {
        Format format = src.format().orElseGet(() -> Format.of(file));
        try (RecordSource in = RecordSources.open(file, format, src.records())) {
            RecordSource.Item item;
            boolean checkedColumns = false;
            while (!sink.full() && (item = in.next()) != null) {
                if (item instanceof RecordSource.Item.Bad bad) {
                    sink.bad(bad.issue());
                    continue;
                }
                Record r = ((RecordSource.Item.Row) item).record();
                if (!checkedColumns && (format == Format.CSV || format == Format.TSV)) {
                    checkColumns(file, r, src);
                    checkedColumns = true;
                }
                toExamples(r, file, src, split, hashSplit, sink);
            }
        } catch (IOException e) {
            throw new DatasetException(file + ": " + e.getMessage());
        }
    }

    /** A header without a needed column makes every row bad: say so once, naming the columns there are. */
    private static void checkColumns(Path file, Record r, SourceSpec src) {
        List<String> needed = new ArrayList<>(src.texts().isEmpty() ? List.of(src.text()) : src.texts().values());
        if (src.label() instanceof LabelRule.Values v) needed.add(v.field());
        if (src.label() instanceof LabelRule.AtLeast a) needed.add(a.field());
        if (src.label() instanceof LabelRule.SafeCategories c) needed.add(c.field());
        if (src.category() instanceof ValueRule.Field f) needed.add(f.field());
        if (src.language() instanceof ValueRule.Field f) needed.add(f.field());
        if (!src.instructions().isEmpty()) needed.add(src.instructions());
        for (String n : needed) {
            if (!r.fields().contains(n)) {
                throw new DatasetException(file + ": no column '" + n + "' (columns: " + String.join(", ", r.fields()) + ")");
            }
        }
    }

    private static void toExamples(Record r, Path file, SourceSpec src, String split, boolean hashSplit, Sink sink) {
        LabelRule.Outcome outcome;
        try {
            outcome = src.label().apply(r);
        } catch (LabelRule.BadValue e) {
            sink.bad(new RowIssue(r.file(), r.line(), e.field(), e.getMessage()));
            return;
        }
        if (outcome == LabelRule.Outcome.EXCLUDED) {
            sink.excluded++;
            return;
        }
        boolean positive = outcome == LabelRule.Outcome.POSITIVE;
        String category = src.category().apply(r, file);
        String canonical = src.canonical().getOrDefault(category, "");
        String origin = r.file() + ":" + r.line();
        Map<String, String> texts = src.texts().isEmpty() ? Map.of("", src.text()) : src.texts();
        String instructions = src.instructions().isEmpty() ? "" : r.value(src.instructions()).orElse("");
        for (Map.Entry<String, String> t : texts.entrySet()) {
            String text = r.value(t.getValue()).orElse("");
            if (text.isBlank()) {
                sink.bad(new RowIssue(r.file(), r.line(), t.getValue(), "no text"));
                continue;
            }
            String language = t.getKey().isEmpty() ? src.language().apply(r, file) : t.getKey();
            String s = hashSplit ? HashSplit.of(text) : split;
            sink.add(new Example(text, positive, category, canonical, language, s, origin, instructions));
        }
    }

    /** Collects examples up to a limit, and the issues. */
    private static final class Sink {
        private final Selector selector;
        private final long limit;
        private final List<Example> examples = new ArrayList<>();
        private final List<RowIssue> issues = new ArrayList<>();
        private long badRows;
        long excluded;

        Sink(Selector selector, long limit) {
            this.selector = selector;
            this.limit = limit;
        }

        void add(Example e) {
            if (selector.accepts(e) && !full()) examples.add(e);
        }

        void bad(RowIssue issue) {
            badRows++;
            if (issues.size() < MAX_ISSUES) issues.add(issue);
        }

        boolean full() {
            return examples.size() >= limit;
        }

        LoadedDataset result(String name, String licence, List<String> files) {
            if (examples.isEmpty()) {
                throw new DatasetException(name + ": no usable rows" + (issues.isEmpty() ? ""
                        : "; " + badRows + " bad, first: " + issues.get(0)));
            }
            return new LoadedDataset(name, licence, files, examples, badRows, issues, excluded);
        }
    }
}
