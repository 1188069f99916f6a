package dev.parapet.cli;

import dev.parapet.core.yaml.YamlException;
import dev.parapet.atlas.cli.AtlasCommand;
import dev.parapet.eval.cli.EvalCommand;
import dev.parapet.eval.dataset.DatasetRegistry;
import dev.parapet.eval.run.PipelineRegistry;
import dev.parapet.eval.run.SuiteRegistry;
import dev.parapet.judge.cli.JudgeCommand;
import dev.parapet.ml.DefaultDetectors;
import dev.parapet.ml.cli.TrainCommand;
import dev.parapet.openness.cli.OpennessCommand;
import dev.parapet.packs.cli.PolicyCommand;
import dev.parapet.server.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.List;

/** The root of the {@code parapet} command. */
@Command(name = "parapet",
        mixinStandardHelpOptions = true,
        versionProvider = ParapetCommand.Version.class,
        description = "Open safety infrastructure for open foundation models.",
        subcommands = {CheckCommand.class, ScanCommand.class, TaxonomyCommand.class, OpennessCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, nothing flagged", "1:done, something flagged or blocked", "2:usage or input error"})
public final class ParapetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** The configured command line: clear one-line errors, no stack traces, exit codes as documented. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ParapetCommand());
        // UTF-8 whatever the locale: verdicts and texts are Unicode.
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        // Commands that live in other modules, registered as instances so they get the full product's parts.
        DatasetRegistry datasets = DatasetRegistry.builtIn();
        cl.addSubcommand("eval", new EvalCommand(PipelineRegistry.builtIn().with(new DefaultPipelineFactory()),
                datasets, SuiteRegistry.builtIn(datasets), List.of(AgentSuite.standard(), AgentSuite.development())));
        cl.addSubcommand("serve", new ServeCommand(DefaultDetectors::all));
        cl.addSubcommand("train", new TrainCommand());
        cl.addSubcommand("judge", new JudgeCommand());
        cl.addSubcommand("policy", new PolicyCommand());
        cl.addSubcommand("atlas", new AtlasCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getColorScheme().errorText("parapet: " + message(e)));
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    static String message(Throwable e) {
        if (e instanceof YamlException || e instanceof InputException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return u.getCause().getMessage();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ParapetCommand.class.getPackage().getImplementationVersion();
            return new String[]{"parapet " + (v == null ? "development build" : v)};
        }
    }
}
