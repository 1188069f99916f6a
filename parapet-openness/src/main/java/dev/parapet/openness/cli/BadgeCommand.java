package dev.parapet.openness.cli;

import dev.parapet.openness.read.RecordException;
import dev.parapet.openness.read.RecordReaders;
import dev.parapet.openness.report.SvgBadge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code parapet openness badge FILE}: an SVG badge with the MOF class and OSAID result. */
@Command(name = "badge", mixinStandardHelpOptions = true, description = "Write an SVG openness badge for a record.")
final class BadgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE")
    Path output;

    @Override
    public Integer call() throws IOException {
        try {
            var a = Batch.assessor(null, null).assess(new RecordReaders().read(file));
            Output.write(spec, output, new SvgBadge().render(a));
            return Exits.OK;
        } catch (RecordException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Exits.USAGE;
        }
    }
}
