package dev.parapet.openness.cli;

import dev.parapet.openness.assess.Assessment;
import dev.parapet.openness.assess.OpennessAssessor;
import dev.parapet.openness.read.RecordException;
import dev.parapet.openness.report.HtmlReport;
import dev.parapet.openness.report.JsonReport;
import dev.parapet.openness.report.MarkdownReport;
import dev.parapet.openness.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code parapet openness assess FILE|DIR}: assess one record or a directory of records. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess a record (MOF YAML, index YAML, model card, CycloneDX BOM, Parapet manifest) or a directory of them.")
final class AssessCommand implements Callable<Integer> {

    enum Format { text, json, md, html }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|DIR")
    Path path;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text, json, md or html (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Mixin
    FmtiOptions fmti;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(path)) {
            err.println(path + ": no such file or directory");
            return Exits.USAGE;
        }
        OpennessAssessor assessor;
        try {
            assessor = Batch.assessor(fmti.scores, fmti.indicators);
        } catch (RecordException e) {
            err.println(e.getMessage());
            return Exits.USAGE;
        }
        Batch b = Batch.run(path, assessor, err);
        String report = switch (format) {
            case json -> new JsonReport().render(b.assessments, b.failures);
            case html -> new HtmlReport().render(b.assessments);
            case md -> {
                StringBuilder sb = new StringBuilder("# Openness report\n\n");
                MarkdownReport md = new MarkdownReport();
                b.assessments.forEach(a -> sb.append(md.render(a)));
                yield sb.toString();
            }
            case text -> {
                StringBuilder sb = new StringBuilder();
                TextReport t = new TextReport();
                for (Assessment a : b.assessments) sb.append(t.render(a)).append('\n');
                yield sb.toString();
            }
        };
        Output.write(spec, output, report);
        if (Files.isDirectory(path)) {
            err.println(b.assessments.size() + " assessed, " + b.failures.size() + " failed");
        }
        if (b.assessments.isEmpty() && b.failures.isEmpty()) {
            err.println(path + ": no records found");
            return Exits.USAGE;
        }
        return b.failures.isEmpty() ? Exits.OK : Exits.SOME_FAILED;
    }
}
