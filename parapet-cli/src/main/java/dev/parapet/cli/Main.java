package dev.parapet.cli;

import picocli.CommandLine;

/** Starts the {@code parapet} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ParapetCommand.commandLine().execute(args));
    }
}
