package dev.parapet.openness.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report to a file or to the command's standard output. */
final class Output {
    private Output() {
    }

    static void write(CommandSpec spec, Path file, String text) throws IOException {
        if (file == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }
}
