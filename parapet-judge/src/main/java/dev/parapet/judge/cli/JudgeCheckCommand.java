package dev.parapet.judge.cli;

import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.DetectorTimeoutException;
import dev.parapet.core.finding.Finding;
import dev.parapet.judge.GuardDetector;
import dev.parapet.judge.JudgeConfig;
import dev.parapet.judge.JudgeException;
import dev.parapet.judge.Judges;
import dev.parapet.judge.model.Exchange;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code parapet judge check}: asks one guard model about one text and prints its findings. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Ask a guard model about one text: a prompt, or (with --response-to) a model's response.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean", "1:flagged (a finding at or above --threshold)", "2:usage or input error",
                "3:the guard failed or ran out of time (a pipeline would fail closed)"})
final class JudgeCheckCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The judges YAML file.")
    Path config;

    @Option(names = "--judge", paramLabel = "ID", description = "Which judge of the file (default: the first).")
    String judge;

    @Option(names = "--response-to", paramLabel = "PROMPT",
            description = "Judge TEXT as a model's response to this prompt.")
    String prompt;

    @Option(names = "--budget", paramLabel = "MS", defaultValue = "30000",
            description = "Time budget in milliseconds (default: ${DEFAULT-VALUE}).")
    long budgetMs;

    @Option(names = "--threshold", paramLabel = "SCORE", defaultValue = "0.5",
            description = "Score at which a finding flags the text (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT",
            description = "The text, or - to read it from standard input (default: -).")
    String text;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (budgetMs < 1 || budgetMs > 600_000 || !(threshold >= 0 && threshold <= 1)) {
            err.println("parapet: --budget must be 1..600000 ms and --threshold 0..1");
            err.flush();
            return JudgeCommand.USAGE;
        }
        List<JudgeConfig> judges = ValidateCommand.load(config, err);
        if (judges == null) {
            return JudgeCommand.USAGE;
        }
        JudgeConfig chosen = judge == null ? judges.get(0)
                : judges.stream().filter(j -> j.id().equals(judge)).findFirst().orElse(null);
        if (chosen == null) {
            err.println("parapet: no judge '" + judge + "' in " + config + " (judges: "
                    + String.join(", ", judges.stream().map(JudgeConfig::id).toList()) + ")");
            err.flush();
            return JudgeCommand.USAGE;
        }
        String input = text == null || text.equals("-")
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : text;
        Exchange exchange = prompt == null ? Exchange.prompt(input) : Exchange.response(prompt, input);
        GuardDetector guard = Judges.detector(chosen);
        List<Finding> findings;
        try {
            findings = guard.judge(exchange, Deadline.after(Duration.ofMillis(budgetMs)));
        } catch (JudgeException | DetectorTimeoutException e) {
            err.println("parapet: " + e.getMessage());
            err.flush();
            return JudgeCommand.GUARD_FAILED;
        }
        boolean flagged = findings.stream().anyMatch(f -> f.score() >= threshold);
        out.println((flagged ? "FLAGGED" : "CLEAN") + "  (" + chosen.id() + ", " + chosen.family().wireName()
                + ", " + (exchange.judgesResponse() ? "response" : "prompt") + " check)");
        for (Finding f : findings) {
            out.println(String.format(Locale.ROOT, "  %-26s %.2f  %-20s %s", f.category(), f.score(), f.label(),
                    f.evidence()));
        }
        out.flush();
        return flagged ? JudgeCommand.FLAGGED : JudgeCommand.OK;
    }
}
