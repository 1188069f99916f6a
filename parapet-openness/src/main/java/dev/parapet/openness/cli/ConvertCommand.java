package dev.parapet.openness.cli;

import dev.parapet.openness.model.ModelRelease;
import dev.parapet.openness.read.RecordException;
import dev.parapet.openness.read.RecordReaders;
import dev.parapet.openness.report.ManifestWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code parapet openness convert FILE --to parapet|mof|cyclonedx}: rewrite a record in another format. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a record to a Parapet manifest (default), an MOF record or a CycloneDX ML-BOM.")
final class ConvertCommand implements Callable<Integer> {

    enum Target { parapet, mof, cyclonedx }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = {"-t", "--to"}, defaultValue = "parapet", description = "parapet, mof or cyclonedx (default ${DEFAULT-VALUE}).")
    Target to;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE")
    Path output;

    @Override
    public Integer call() throws IOException {
        ModelRelease r;
        try {
            r = new RecordReaders().read(file);
        } catch (RecordException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Exits.USAGE;
        }
        ManifestWriter w = new ManifestWriter();
        String text = switch (to) {
            case parapet -> w.toManifest(r);
            case mof -> w.toMof(r);
            case cyclonedx -> w.toCycloneDx(r);
        };
        r.issues().forEach(i -> spec.commandLine().getErr().println(i));
        Output.write(spec, output, text);
        return Exits.OK;
    }
}
