package dev.parapet.openness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code parapet openness}: assess how open a model or AI system is, component by component. Exit codes: 0 done,
 * 1 done but some record failed to parse, 2 usage or input error.
 */
@Command(name = "openness", mixinStandardHelpOptions = true,
        description = "Assess how open a model or AI system really is, component by component, under the MOF, "
                + "the OSI Open Source AI Definition, the Open Source AI Index and the release gradient.",
        subcommands = {AssessCommand.class, CompareCommand.class, RankCommand.class, BadgeCommand.class,
                ConvertCommand.class},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
public final class OpennessCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: assess, compare, rank, badge or convert");
    }

    /** Runs the command standalone: {@code java ... OpennessCommand assess FILE}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new OpennessCommand()).execute(args));
    }
}
