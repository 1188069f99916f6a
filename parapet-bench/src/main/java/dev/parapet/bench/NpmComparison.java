package dev.parapet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.cli.ParapetCommand;
import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.text.UnicodeNormalizer;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.detect.RuleDetectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Side by side with the npm profanity filters {@code obscenity} and {@code @2toad/profanity}: throughput on
 * the same benign JSONL corpus (the same bytes, one thread each, every line parsed as JSON), and what each
 * finds in the project's test set of obfuscated profanities and flags among harmless look-alikes
 * ({@code profanity-obfuscations.tsv}). The filters are installed with npm at run time from
 * {@code parapet-bench/src/main/node/package.json} (exact versions) into {@code parapet-bench/target};
 * without node, npm or the shared data the section says so and is skipped.
 */
final class NpmComparison {

    /** Categories a profanity filter's "profane" corresponds to in Parapet's lexicon. */
    private static final Set<String> PROFANE = Set.of("profanity", "hate", "sexual_content");
    private static final String CASES = "profanity-obfuscations.tsv";

    private final Path shared;
    private final Path nodeSources;
    private final Path work;
    private final long corpusBytes;

    /**
     * @param nodeSources the folder holding {@code package.json} and {@code compare.mjs}
     * @param work        where npm installs the filters and the corpus is written
     */
    NpmComparison(Path shared, Path nodeSources, Path work, long corpusBytes) {
        this.shared = shared;
        this.nodeSources = nodeSources;
        this.work = work;
        this.corpusBytes = corpusBytes;
    }

    /** One filter's figures. */
    record Figures(String filter, double seconds, long bytes, long documents, long corpusFlagged, int found,
                   int obfuscated, int falsePositives, int benign) {
        double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    /** The Markdown section: a paragraph and a table, or a line saying why it was skipped. */
    String section() throws IOException, InterruptedException {
        StringBuilder md = new StringBuilder();
        if (!Files.isRegularFile(nodeSources.resolve("package.json"))) {
            return md.append("Skipped: `").append(nodeSources).append("` not found (run from the project root).\n").toString();
        }
        if (!Files.isDirectory(shared.resolve("data"))) {
            return md.append("Skipped: the shared data was not found at `").append(shared).append("`.\n").toString();
        }
        String node = version("node");
        String npm = version("npm");
        if (node == null || npm == null) {
            return md.append("Skipped: node and npm are needed on the PATH for this comparison.\n").toString();
        }
        Files.createDirectories(work);
        for (String f : List.of("package.json", "compare.mjs")) {
            Files.copy(nodeSources.resolve(f), work.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Path cases = work.resolve(CASES);
        try (InputStream in = NpmComparison.class.getResourceAsStream("/dev/parapet/bench/" + CASES)) {
            Files.copy(in, cases, StandardCopyOption.REPLACE_EXISTING);
        }
        String install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 600);
        if (install == null) {
            return md.append("Skipped: `npm install` failed in `").append(work).append("` (no registry?).\n").toString();
        }
        Path corpus = new ScanLoadTest(shared, corpusBytes, "rules").corpus(work.resolve("english.jsonl"),
                Inputs.ENGLISH);
        List<Figures> rows = new ArrayList<>();
        rows.add(parapet(corpus, cases));
        String out = run(List.of("node", "compare.mjs", corpus.getFileName().toString(), CASES), 1800);
        if (out == null) {
            return md.append("Skipped: `node compare.mjs` failed in `").append(work).append("`.\n").toString();
        }
        JsonNode result = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
        result.properties().forEach(e -> {
            JsonNode r = e.getValue();
            rows.add(new Figures(e.getKey(), r.get("seconds").asDouble(), r.get("bytes").asLong(),
                    r.get("documents").asLong(), r.get("corpusFlagged").asLong(), r.get("found").size(),
                    r.get("obfuscated").asInt(), r.get("falsePositives").size(), r.get("benign").asInt()));
        });
        Files.deleteIfExists(corpus);

        md.append("The same English benign corpus as above (GPTeacher prompts + NQ-Open questions as JSONL, ")
                .append(String.format(Locale.ROOT, "%.1f MB", rows.get(0).bytes() / 1e6))
                .append("), one thread each, every line parsed as JSON and its text checked; Parapet through the real "
                        + "`parapet scan --pipeline rules --threads 1` (verdicts written to a file), the npm filters in "
                        + "`parapet-bench/src/main/node/compare.mjs` (").append(node).append(", npm ").append(npm)
                .append(", versions pinned in its `package.json`). Detection on the project's test set "
                        + "`parapet-bench/src/main/resources/dev/parapet/bench/" + CASES + "`: 15 obfuscated profanities "
                        + "(homoglyphs, leetspeak, spacing, zero-width, repeats, full-width, accents, combining marks, "
                        + "mathematical letters) and 10 harmless look-alikes. Parapet counts as finding one when its "
                        + "verdict flags profanity, hate or sexual content.\n\n");
        md.append("| filter | MB/s (one thread) | documents flagged in the benign corpus | obfuscated found | "
                + "false positives on look-alikes |\n|---|---:|---:|---:|---:|\n");
        for (Figures f : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %,d of %,d | %d of %d | %d of %d |\n", f.filter(),
                    f.mbPerSecond(), f.corpusFlagged(), f.documents(), f.found(), f.obfuscated(), f.falsePositives(),
                    f.benign()));
        }
        return md.toString();
    }

    /** Parapet's figures: the real scan command on the corpus, and the rule pipeline on the test set. */
    private Figures parapet(Path corpus, Path cases) throws IOException {
        Path out = work.resolve("verdicts.jsonl");
        scan(corpus, out); // warm-up, discarded
        double seconds = scan(corpus, out);
        long docs = 0;
        long flagged = 0;
        ObjectMapper mapper = new ObjectMapper();
        try (var lines = Files.lines(out)) {
            for (String line : (Iterable<String>) lines::iterator) {
                docs++;
                for (JsonNode c : mapper.readTree(line).get("flagged_categories")) {
                    if (PROFANE.contains(c.asText())) {
                        flagged++;
                        break;
                    }
                }
            }
        }
        Files.deleteIfExists(out);
        int found = 0;
        int obfuscated = 0;
        int falsePositives = 0;
        int benign = 0;
        UnicodeNormalizer normalizer = new UnicodeNormalizer();
        try (Parapet p = Parapet.builder().normalizer(normalizer).detectors(RuleDetectors.defaults(normalizer)).build()) {
            for (String[] c : readCases(cases)) {
                Verdict v = p.check(Content.user(c[2]));
                boolean profane = v.flaggedCategories().stream().anyMatch(PROFANE::contains);
                if (c[0].equals("obfuscated")) {
                    obfuscated++;
                    found += profane ? 1 : 0;
                } else {
                    benign++;
                    falsePositives += profane ? 1 : 0;
                }
            }
        }
        return new Figures("Parapet (`scan --pipeline rules`)", seconds, Files.size(corpus), docs, flagged, found,
                obfuscated, falsePositives, benign);
    }

    private static double scan(Path corpus, Path out) {
        StringWriter err = new StringWriter();
        var cl = ParapetCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        long t0 = System.nanoTime();
        int code = cl.execute("scan", corpus.toString(), "--out", out.toString(), "--threads", "1", "--pipeline", "rules");
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code == 2) {
            throw new IllegalStateException("scan failed: " + err);
        }
        return seconds;
    }

    /** The test set's rows: kind, technique, text (escapes decoded). */
    static List<String[]> readCases(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("kind\t")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 3) {
                throw new IllegalStateException(file + ": expected 3 columns: " + line);
            }
            f[2] = unescape(f[2]);
            out.add(f);
        }
        return out;
    }

    private static String unescape(String s) {
        Matcher m = Pattern.compile("\\\\u([0-9A-Fa-f]{4})").matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(b).toString();
    }

    private String version(String tool) throws InterruptedException {
        try {
            String v = run(List.of(tool, "--version"), 60);
            return v == null ? null : v.strip();
        } catch (IOException e) {
            return null; // not installed
        }
    }

    /** Runs a command in the work folder; its standard output, or null when it fails or times out. */
    private String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path log = Files.createTempFile("parapet-npm", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(false)
                    .redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? Files.readString(log, StandardCharsets.UTF_8) : null;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
