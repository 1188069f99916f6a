package dev.parapet.judge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code parapet judge}: validate a judges file and ask a guard model about one text. Exit codes: 0 clean,
 * 1 the guard flagged the text, 2 usage or input error, 3 the guard failed (a pipeline would fail closed).
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = "Guard models served over HTTP (Llama Guard, ShieldGemma, Granite Guardian, WildGuard, "
                + "Qwen3Guard, gpt-oss-safeguard): validate a judges file, check one text.",
        subcommands = {ValidateCommand.class, JudgeCheckCommand.class},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
public final class JudgeCommand implements Runnable {

    static final int OK = 0;
    static final int FLAGGED = 1;
    static final int USAGE = 2;
    static final int GUARD_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: validate or check");
    }

    /** Runs the command standalone: {@code java ... JudgeCommand check --config judges.yaml TEXT}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new JudgeCommand()).execute(args));
    }
}
