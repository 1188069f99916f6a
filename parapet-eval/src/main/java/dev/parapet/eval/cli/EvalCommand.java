package dev.parapet.eval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.policy.PolicyLoader;
import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.core.yaml.YamlException;
import dev.parapet.eval.dataset.DatasetException;
import dev.parapet.eval.dataset.DatasetLoader;
import dev.parapet.eval.dataset.DatasetRegistry;
import dev.parapet.eval.dataset.DatasetSpec;
import dev.parapet.eval.dataset.Format;
import dev.parapet.eval.dataset.LabelRule;
import dev.parapet.eval.dataset.LoadedDataset;
import dev.parapet.eval.dataset.Selector;
import dev.parapet.eval.dataset.SourceSpec;
import dev.parapet.eval.dataset.ValueRule;
import dev.parapet.eval.report.EvaluationDoc;
import dev.parapet.eval.report.HtmlReport;
import dev.parapet.eval.report.JsonReport;
import dev.parapet.eval.report.MarkdownReport;
import dev.parapet.eval.run.Evaluator;
import dev.parapet.eval.run.ExternalSuite;
import dev.parapet.eval.run.Filter;
import dev.parapet.eval.run.PipelineFilter;
import dev.parapet.eval.run.PipelineRegistry;
import dev.parapet.eval.run.Progress;
import dev.parapet.eval.run.RunResult;
import dev.parapet.eval.run.Suite;
import dev.parapet.eval.run.SuiteRegistry;
import dev.parapet.eval.run.SuiteResult;
import dev.parapet.eval.run.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code parapet eval}: runs a pipeline (or some of its detectors, under any policy) on registry datasets, a suite
 * of benchmarks, or any CSV/JSON/JSONL file, and reports precision, recall, F1, FPR, AUPRC and more, per category
 * and per language. Exit codes: 0 done, 2 usage or input error.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a filter on public benchmarks or your own labelled file.",
        subcommands = CompareCommand.class,
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
public final class EvalCommand implements Callable<Integer> {

    private final PipelineRegistry pipelines;
    private final DatasetRegistry datasets;
    private final SuiteRegistry suites;
    private final List<ExternalSuite> external;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "The data folder holding safety/, multilingual/, injection/ (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--pipeline", paramLabel = "NAME",
            description = "The pipeline to evaluate (default: 'default' when this build has it, else 'rules').")
    String pipeline;

    @Option(names = "--detector", paramLabel = "ID", split = ",",
            description = "Evaluate only these detectors of the pipeline (e.g. lexicon).")
    List<String> detectors = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML (default: the built-in policy).")
    Path policyFile;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Flag a text when its score reaches X, instead of the policy's thresholds.")
    Double threshold;

    @Option(names = "--dataset", paramLabel = "NAME[:SPLIT][:LANG][@TARGET]", split = ",",
            description = "Registry datasets, e.g. toxicchat:test, xstest, rtp-lx:de (see --list); @injection (or "
                    + "@unsafe, or a category) judges one by that target instead of its own.")
    List<String> datasetNames = new ArrayList<>();

    @Option(names = "--suite", paramLabel = "NAME", description = "A suite of benchmarks: standard (the quality "
            + "bar), development (the splits to decide changes on, never a test split), or a registered one.")
    String suite;

    @Option(names = "--list", description = "List the registry's datasets and the suites, then stop.")
    boolean list;

    @Option(names = "--file", paramLabel = "FILE", description = "Your own labelled CSV, TSV, JSON or JSONL file (.gz too).")
    Path file;

    @Option(names = "--text-field", paramLabel = "F", description = "With --file: the field or column holding the text.")
    String textField;

    @Option(names = "--label-field", paramLabel = "F", description = "With --file: the field holding the label.")
    String labelField;

    @Option(names = "--positive", paramLabel = "V", split = ",",
            description = "Label values that mean unsafe (comma-separated).")
    List<String> positive = new ArrayList<>();

    @Option(names = "--negative", paramLabel = "V", split = ",",
            description = "Label values that mean safe; default: every value not positive. With --category-field and"
                    + " no --label-field: category values that mean safe.")
    List<String> negative = new ArrayList<>();

    @Option(names = "--category-field", paramLabel = "F", description = "With --file: a category column (per-category figures).")
    String categoryField;

    @Option(names = "--language-field", paramLabel = "F", description = "With --file: a language column.")
    String languageField;

    @Option(names = "--instructions-field", paramLabel = "F",
            description = "With --file: a column holding the system prompt each text is sent with (checked against it).")
    String instructionsField;

    @Option(names = "--language", paramLabel = "LANG", description = "With --file: the language of every row.")
    String language;

    @Option(names = "--records", paramLabel = "KEY[.KEY]", description = "With a JSON --file: the keys leading to the array of records.")
    String records;

    @Option(names = "--file-format", paramLabel = "FMT", description = "With --file: csv, tsv, csv-no-header, json or jsonl (default: by extension).")
    String fileFormat;

    @Option(names = "--target", paramLabel = "CATS", split = ",", defaultValue = "unsafe",
            description = "With --file: categories that count as catching a positive: unsafe, injection or canonical ids (default: ${DEFAULT-VALUE}).")
    List<String> target;

    @Option(names = "--limit", paramLabel = "N", description = "At most N examples per dataset (a quick look).")
    Long limit;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Standard output: text, json, markdown or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the --format output here instead of standard output.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report here.")
    Path jsonFile;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write a Markdown report here (for a suite: the EVALUATION.md page).")
    Path markdownFile;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page with charts here.")
    Path htmlFile;

    /** With the built-in pipelines ({@code rules}) and suites ({@code standard}). */
    public EvalCommand() {
        this(PipelineRegistry.builtIn(), DatasetRegistry.builtIn(), null);
    }

    /**
     * @param pipelines the pipelines {@code --pipeline} can name
     * @param datasets  the dataset registry
     * @param suites    the suites {@code --suite} can name; {@code null} for the built-in ones over {@code datasets}
     */
    public EvalCommand(PipelineRegistry pipelines, DatasetRegistry datasets, SuiteRegistry suites) {
        this(pipelines, datasets, suites, List.of());
    }

    /** @param external suites that report in their own shape, such as {@code agents} */
    public EvalCommand(PipelineRegistry pipelines, DatasetRegistry datasets, SuiteRegistry suites,
                       List<ExternalSuite> external) {
        this.pipelines = pipelines;
        this.datasets = datasets;
        this.suites = suites == null ? SuiteRegistry.builtIn(datasets) : suites;
        this.external = List.copyOf(external);
    }

    /** The command as a user would retype it (the original arguments include "eval" when run under parapet). */
    private String commandText() {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals(spec.name())) {
            args.remove(0);
        }
        return "./parapet eval " + String.join(" ", args);
    }

    /** The pipeline asked for, or the product's default pipeline when this build registers one. */
    private String pipelineName() {
        if (pipeline != null) {
            return pipeline;
        }
        return pipelines.names().contains("default") ? "default" : "rules";
    }

    /** Runs the command standalone: {@code java ... EvalCommand --suite standard}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new EvalCommand()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            return run();
        } catch (DatasetException | YamlException e) {
            return fail(e.getMessage());
        } catch (UncheckedIOException e) {
            return fail(e.getCause().getMessage());
        } catch (IOException e) {
            return fail(e.getMessage());
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("parapet eval: " + message);
        spec.commandLine().getErr().flush();
        return 2;
    }

    private int run() throws IOException {
        if (list) {
            spec.commandLine().getOut().print(listing());
            spec.commandLine().getOut().flush();
            return 0;
        }
        int modes = (suite != null ? 1 : 0) + (datasetNames.isEmpty() ? 0 : 1) + (file != null ? 1 : 0);
        if (modes != 1) {
            return fail("give exactly one of --suite, --dataset or --file (see --help; --list shows the datasets)");
        }
        if (!Set.of("text", "json", "markdown", "html").contains(format)) {
            return fail("--format must be text, json, markdown or html");
        }
        for (ExternalSuite x : external) {
            if (x.name().equals(suite)) {
                if (!format.equals("text") && !format.equals("json")) {
                    return fail("the " + suite + " suite writes text or json");
                }
                try {
                    return x.run(data, format, spec.commandLine().getOut(), spec.commandLine().getErr());
                } catch (Exception e) {
                    return fail(suite + " suite: " + e.getMessage());
                }
            }
        }
        Progress progress = TerminalProgress.forConsole(spec.commandLine().getErr());
        OptionalDouble t = threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
        if (threshold != null && (threshold < 0 || threshold > 1 || threshold.isNaN())) {
            return fail("--threshold must be between 0 and 1");
        }
        long max = limit == null ? Long.MAX_VALUE : limit;
        if (max <= 0) return fail("--limit must be positive");

        List<RunResult> runs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String heading;
        LoadedDataset userFile = file == null ? null : loadUserFile(max); // bad file options fail before the pipeline loads
        Suite chosen = suite == null ? null : suites.get(suite);
        List<Selector> selectors = datasetNames.stream().map(s -> Selector.parse(s, datasets)).toList();
        selectors.forEach(s -> Target.resolve(s.targetOr(List.of("unsafe")))); // an unknown @target fails here
        if (file == null) DatasetLoader.requireDataRoot(data);
        try (Filter filter = PipelineFilter.create(pipelines.get(pipelineName()), policy(), new HashSet<>(detectors))) {
            if (chosen != null) {
                SuiteResult r = chosen.run(new Suite.Context(data, filter, t, max, progress));
                runs.addAll(r.runs());
                skipped.addAll(r.skipped());
                heading = "Suite " + chosen.name() + " — " + filter.name();
            } else if (userFile != null) {
                runs.add(new Evaluator(progress).run(filter, userFile, Target.resolve(target), t,
                        Evaluator.DatasetInfo.NONE));
                heading = file.getFileName() + " — " + filter.name();
            } else {
                DatasetLoader loader = new DatasetLoader(data);
                for (Selector s : selectors) {
                    DatasetSpec d = datasets.get(s.name());
                    runs.add(new Evaluator(progress).run(filter, loader.load(d, s, max),
                            Target.resolve(s.targetOr(d.target())), t,
                            new Evaluator.DatasetInfo(d.title(), d.reference(), d.notes())));
                }
                heading = String.join(", ", datasetNames) + " — " + filter.name();
            }
        }
        write(heading, runs, skipped, chosen);
        for (String s : skipped) {
            spec.commandLine().getErr().println("parapet eval: skipped " + s);
        }
        for (RunResult r : runs) {
            if (r.badRows() > 0) {
                spec.commandLine().getErr().println("parapet eval: " + r.dataset() + ": " + r.badRows()
                        + " bad rows skipped" + (r.issues().isEmpty() ? "" : "; first: " + r.issues().get(0)));
            }
        }
        spec.commandLine().getErr().flush();
        return 0;
    }

    /** @param chosen the suite that ran, or null */
    private void write(String heading, List<RunResult> runs, List<String> skipped, Suite chosen) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        runs.forEach(r -> nodes.add(JsonReport.run(r)));
        boolean isSuite = chosen != null;
        String json = runs.size() == 1 && !isSuite ? JsonReport.write(JsonReport.run(runs.get(0)))
                : JsonReport.write(JsonReport.suite(new SuiteResult(isSuite ? chosen.name() : "runs", runs, skipped)));
        String markdown = isSuite && chosen.evaluationPage()
                ? EvaluationDoc.builtIn().render(commandText(), nodes, skipped) + externalSections()
                : MarkdownReport.report(heading, nodes);
        String text = switch (format) {
            case "json" -> json;
            case "markdown" -> markdown;
            case "html" -> HtmlReport.page(heading, nodes);
            default -> MarkdownReport.summary(nodes);
        };
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            writeFile(out, text);
        }
        if (jsonFile != null) writeFile(jsonFile, json);
        if (markdownFile != null) writeFile(markdownFile, markdown);
        if (htmlFile != null) writeFile(htmlFile, HtmlReport.page(heading, nodes));
    }

    /** The other suites' sections of the evaluation page (e.g. the agent benchmarks), when a page is written. */
    private String externalSections() throws IOException {
        if (markdownFile == null) {
            return "";
        }
        StringBuilder md = new StringBuilder();
        for (ExternalSuite x : external) {
            try {
                x.markdownSection(data).ifPresent(section -> md.append('\n').append(section));
            } catch (Exception e) {
                throw new IOException(x.name() + " suite: " + e.getMessage(), e);
            }
        }
        return md.toString();
    }

    private static void writeFile(Path p, String text) throws IOException {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private Policy policy() {
        if (policyFile == null) return Policy.defaultPolicy();
        if (!Files.isRegularFile(policyFile)) throw new DatasetException(policyFile + ": no such policy file");
        return new PolicyLoader(Taxonomies.builtIn().canonical()).load(policyFile);
    }

    private LoadedDataset loadUserFile(long max) {
        if (textField == null) throw new DatasetException("--file needs --text-field");
        LabelRule label;
        if (labelField != null) {
            if (positive.isEmpty()) throw new DatasetException("--label-field needs --positive VALUE[,VALUE]");
            label = new LabelRule.Values(labelField, new LinkedHashSet<>(positive), new LinkedHashSet<>(negative));
        } else if (categoryField != null && !negative.isEmpty()) {
            label = new LabelRule.SafeCategories(categoryField, Set.copyOf(negative));
        } else {
            throw new DatasetException("--file needs --label-field F --positive V, or --category-field F --negative"
                    + " SAFE_VALUES (every other category is unsafe)");
        }
        ValueRule category = categoryField == null ? ValueRule.NONE : new ValueRule.Field(categoryField, Map.of());
        ValueRule lang = languageField != null ? new ValueRule.Field(languageField, Map.of())
                : language != null ? new ValueRule.Fixed(language) : ValueRule.NONE;
        Optional<Format> f = fileFormat == null ? Optional.empty() : Optional.of(Format.parse(fileFormat));
        List<String> path = records == null ? List.of() : List.of(records.split("\\."));
        Map<String, String> canonical = new java.util.HashMap<>(); // category values that are canonical ids count as such
        Taxonomies.builtIn().canonical().ids().forEach(id -> canonical.put(id, id));
        SourceSpec src = new SourceSpec(List.of(), f, path, textField, Map.of(), label, category, canonical, lang, "", "",
                instructionsField == null ? "" : instructionsField);
        return DatasetLoader.loadFile(file, src, max);
    }

    private String listing() {
        StringBuilder b = new StringBuilder("Datasets (under --data ").append(data).append("):\n");
        for (DatasetSpec d : datasets.all()) {
            b.append(String.format(java.util.Locale.ROOT, "  %-18s %-9s splits: %-22s %s%n", d.name(), d.licence(),
                    d.splits().name().toLowerCase(java.util.Locale.ROOT) + (d.splitNames().isEmpty() ? ""
                            : " " + String.join("/", d.splitNames())), d.title()));
        }
        List<String> allSuites = new ArrayList<>(suites.names());
        external.forEach(x -> allSuites.add(x.name()));
        b.append("Suites: ").append(String.join(", ", allSuites)).append('\n');
        b.append("Pipelines: ").append(String.join(", ", pipelines.names())).append('\n');
        return b.toString();
    }
}
