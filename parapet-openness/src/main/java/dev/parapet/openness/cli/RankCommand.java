package dev.parapet.openness.cli;

import dev.parapet.openness.assess.Assessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code parapet openness rank DIR}: a table of all records, most open first (by MOF class, then progress and index score). */
@Command(name = "rank", mixinStandardHelpOptions = true, description = "Rank the records in a directory by openness.")
final class RankCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println(dir + ": not a directory");
            return Exits.USAGE;
        }
        Batch b = Batch.run(dir, Batch.assessor(null, null), err);
        List<Assessment> sorted = new ArrayList<>(b.assessments);
        sorted.sort(Comparator.comparingInt((Assessment a) -> a.mof().mofClass() == 0 ? 4 : a.mof().mofClass())
                .thenComparing(Comparator.comparingDouble(RankCommand::progress).reversed())
                .thenComparing(Comparator.comparingDouble((Assessment a) -> a.osai().map(o -> o.score()).orElse(-1.0)).reversed())
                .thenComparing(a -> a.release().name()));
        StringBuilder sb = new StringBuilder();
        String f = "%4s  %-40s %-7s %-9s %-6s %-7s %s%n";
        sb.append(String.format(Locale.ROOT, f, "rank", "name", "MOF", "progress", "OSAID", "index", "gradient"));
        int i = 1;
        for (Assessment a : sorted) {
            sb.append(String.format(Locale.ROOT, f, i++, trim(a.release().name()),
                    a.mof().mofClass() == 0 ? "-" : "Class " + "I".repeat(4 - a.mof().mofClass()),
                    String.format(Locale.ROOT, "%.0f%%", progress(a)), a.osaid().pass() ? "pass" : "fail",
                    a.osai().map(o -> String.format(Locale.ROOT, "%.1f%%", o.score() * 100)).orElse("—"),
                    a.gradient().level().id()));
        }
        spec.commandLine().getOut().print(sb);
        spec.commandLine().getOut().flush();
        return b.failures.isEmpty() ? Exits.OK : Exits.SOME_FAILED;
    }

    private static double progress(Assessment a) {
        return a.mof().progress().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String trim(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }
}
