package dev.parapet.eval.cli;

import dev.parapet.eval.dataset.DatasetException;
import dev.parapet.eval.report.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code parapet eval compare A.json B.json}: what changed between two evaluation reports. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Show what changed between two JSON evaluation reports (runs matched by dataset).")
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.json", description = "The earlier report.")
    Path a;

    @Parameters(index = "1", paramLabel = "B.json", description = "The later report.")
    Path b;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the table here instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        try {
            for (Path p : new Path[]{a, b}) {
                if (!Files.isRegularFile(p)) throw new DatasetException(p + ": no such file");
            }
            String table = Comparison.markdown(a.toString(), Comparison.read(a), b.toString(), Comparison.read(b));
            if (out == null) {
                spec.commandLine().getOut().print(table);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(out, table, StandardCharsets.UTF_8);
            }
            return 0;
        } catch (DatasetException e) {
            spec.commandLine().getErr().println("parapet eval compare: " + e.getMessage());
            return 2;
        }
    }
}
