package dev.parapet.ml.train;

import dev.parapet.core.hash.HashSplit;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a {@link DatasetSpec}'s files under a data root into examples of its training part: rows of a test
 * split or of the 20% evaluation part are never returned. Rows without text or label are counted and skipped.
 */
public final class DatasetReader {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private final Path root;
    private final Path recipeFolder;

    /**
     * @param root         the public data's folder
     * @param recipeFolder the recipe's folder, for datasets that are the project's own ({@code root: recipe})
     */
    public DatasetReader(Path root, Path recipeFolder) {
        this.root = root;
        this.recipeFolder = recipeFolder;
    }

    /**
     * What one dataset gave: its examples (training part only) and what was left out.
     *
     * @param otherLanguages rows left out because their language is not among the dataset's {@code langs}
     */
    public record Result(List<Example> examples, List<Path> files, int skipped, int notTrainPart, int otherLanguages) {
    }

    public Result read(DatasetSpec spec) {
        List<Path> files = resolve(spec);
        List<Example> out = new ArrayList<>();
        int[] skipped = {0};
        int[] outside = {0};
        int[] otherLanguages = {0};
        for (Path f : files) {
            String dir = f.getParent() == null ? "" : f.getParent().getFileName().toString();
            try {
                forEachRow(spec, f, row -> {
                    Example e = toExample(spec, row, dir);
                    if (e == null) {
                        skipped[0]++;
                    } else if (!spec.langs().isEmpty() && !spec.langs().contains(e.lang())) {
                        otherLanguages[0]++;
                    } else if (!inTrainPart(spec, row, rawText(spec, row))) {
                        outside[0]++;
                    } else {
                        out.add(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(f + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
            }
        }
        return new Result(out, files, skipped[0], outside[0], otherLanguages[0]);
    }

    /** The folder {@code spec}'s files are named relative to: the data root, or the recipe's folder. */
    public Path folder(DatasetSpec spec) {
        return spec.besideRecipe() ? recipeFolder : root;
    }

    private List<Path> resolve(DatasetSpec spec) {
        List<Path> out = new ArrayList<>();
        Path folder = folder(spec);
        for (String glob : spec.files()) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            int star = glob.indexOf('*');
            String fixed = star < 0 ? glob : glob.substring(0, Math.max(0, glob.lastIndexOf('/', star)));
            Path base = folder.resolve(fixed);
            if (star < 0) {
                if (!Files.isRegularFile(base)) {
                    throw new IllegalArgumentException("dataset " + spec.name() + ": no such file " + base);
                }
                out.add(base);
                continue;
            }
            try (Stream<Path> walk = Files.walk(base)) {
                List<Path> hits = walk.filter(Files::isRegularFile).filter(p -> m.matches(folder.relativize(p)))
                        .sorted(Comparator.comparing(Path::toString)).toList();
                if (hits.isEmpty()) {
                    throw new IllegalArgumentException("dataset " + spec.name() + ": no file matches " + glob);
                }
                out.addAll(hits);
            } catch (IOException e) {
                throw new UncheckedIOException("dataset " + spec.name() + ": " + base + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static void forEachRow(DatasetSpec spec, Path f, java.util.function.Consumer<Map<String, String>> sink)
            throws IOException {
        switch (spec.format()) {
            case "jsonl" -> {
                try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (!line.isBlank()) {
                            sink.accept(flat(JSON.readTree(line)));
                        }
                    }
                }
            }
            case "json" -> {
                JsonNode tree = JSON.readTree(f.toFile());
                if (!tree.isArray()) {
                    throw new IOException("expected a JSON array of objects");
                }
                for (JsonNode n : tree) {
                    sink.accept(n.isTextual() ? Map.of(spec.textField(), n.asText()) : flat(n));
                }
            }
            case "json-groups" -> {
                // an object of named lists of strings, e.g. attack texts by kind; the name is the row's "group"
                JsonNode tree = JSON.readTree(f.toFile());
                if (!tree.isObject()) {
                    throw new IOException("expected a JSON object of named lists of strings");
                }
                for (var group : (Iterable<Map.Entry<String, JsonNode>>) tree::fields) {
                    for (JsonNode n : group.getValue()) {
                        if (n.isTextual()) {
                            sink.accept(Map.of(spec.textField(), n.asText(), "group", group.getKey()));
                        }
                    }
                }
            }
            case "lines" -> {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    sink.accept(Map.of("", line));
                }
            }
            case "csv", "csv-noheader" -> {
                boolean header = spec.format().equals("csv");
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
                     MappingIterator<String[]> it = CSV.readerFor(String[].class)
                             .with(CsvSchema.emptySchema()).readValues(r)) {
                    String[] names = null;
                    while (it.hasNext()) {
                        String[] cells = it.next();
                        if (header && names == null) {
                            names = cells;
                            continue;
                        }
                        Map<String, String> row = new java.util.HashMap<>();
                        if (header) {
                            for (int i = 0; i < Math.min(names.length, cells.length); i++) {
                                row.put(names[i].replace("\uFEFF", ""), cells[i]);
                            }
                        } else if (cells.length > 0) {
                            row.put("", cells[0]);
                        }
                        sink.accept(row);
                    }
                }
            }
            default -> throw new IllegalStateException("format " + spec.format());
        }
    }

    private static Map<String, String> flat(JsonNode n) {
        Map<String, String> row = new java.util.HashMap<>();
        n.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (!v.isNull()) {
                row.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        });
        return row;
    }

    /** The text as the file holds it (a leading byte-order mark removed): what the hash split reads. */
    private static String rawText(DatasetSpec spec, Map<String, String> row) {
        String text = row.get(spec.format().equals("csv-noheader") || spec.format().equals("lines") ? ""
                : spec.textField());
        return text == null ? null : text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Example toExample(DatasetSpec spec, Map<String, String> row, String dir) {
        String text = rawText(spec, row);
        if (text == null) {
            return null;
        }
        text = text.strip();
        if (text.isEmpty()) {
            return null;
        }
        int label;
        if (spec.label().isPresent()) {
            label = spec.label().get();
        } else {
            String v = row.get(spec.labelField());
            if (v == null || v.isBlank()) {
                return null;
            }
            label = switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "1", "1.0", "true" -> 1;
                case "0", "0.0", "false" -> 0;
                default -> -1;
            };
            if (label < 0) {
                return null;
            }
        }
        String category = spec.category();
        if (!spec.categoryField().isEmpty()) {
            String v = row.get(spec.categoryField());
            category = v == null ? "" : spec.categories().getOrDefault(v.trim(), "");
        }
        String read = spec.lang().equals("{dir}") ? dir
                : !spec.lang().isEmpty() ? spec.lang() : row.getOrDefault(spec.langField(), "");
        String lang = spec.langMap().getOrDefault(read, read);
        String pair = spec.pairField().isEmpty() ? "" : row.getOrDefault(spec.pairField(), "").strip();
        return new Example(text, label == 1, label == 1 ? category : "", lang, spec.name(), pair);
    }

    private static boolean inTrainPart(DatasetSpec spec, Map<String, String> row, String text) {
        if (spec.split().equals("hash")) {
            return HashSplit.isTrainPart(text);
        }
        if (spec.split().equals("all")) {
            return true;
        }
        String v = row.get(spec.splitField());
        return v != null && spec.splitValues().contains(v);
    }
}
