package dev.parapet.judge.cli;

import dev.parapet.core.yaml.YamlException;
import dev.parapet.judge.GuardDetector;
import dev.parapet.judge.JudgeConfig;
import dev.parapet.judge.JudgeConfigLoader;
import dev.parapet.judge.Judges;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code parapet judge validate FILE}: reads a judges file and lists what each judge will do. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a judges file and list each judge: family, endpoint, categories, policy version.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:valid", "2:invalid (file:line: reason)"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The judges YAML file.")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<JudgeConfig> judges = load(file, err);
        if (judges == null) {
            return JudgeCommand.USAGE;
        }
        for (JudgeConfig j : judges) {
            GuardDetector d = Judges.detector(j);
            out.printf("%s: %s (%s) at %s, model %s; policy version %s%n", j.id(), j.family().wireName(),
                    j.api().wireName(), j.baseUrl(), j.model(), d.policyVersion());
            out.printf("  categories: %s%n", String.join(", ", d.categories().stream().sorted().toList()));
        }
        out.flush();
        return JudgeCommand.OK;
    }

    /** The judges of a file, or null after printing why it cannot be used. */
    static List<JudgeConfig> load(Path file, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println("parapet: " + file + ": no such judges file");
            err.flush();
            return null;
        }
        try {
            return new JudgeConfigLoader().load(file);
        } catch (YamlException e) {
            err.println("parapet: " + e.getMessage());
            err.flush();
            return null;
        }
    }
}
