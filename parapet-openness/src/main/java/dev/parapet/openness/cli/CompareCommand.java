package dev.parapet.openness.cli;

import dev.parapet.openness.assess.Assessment;
import dev.parapet.openness.assess.OpennessAssessor;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.read.RecordException;
import dev.parapet.openness.read.RecordReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code parapet openness compare A B}: two releases side by side, framework by framework and component by component. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare two records side by side.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A")
    Path a;

    @Parameters(index = "1", paramLabel = "B")
    Path b;

    @Override
    public Integer call() {
        OpennessAssessor assessor = Batch.assessor(null, null);
        RecordReaders readers = new RecordReaders();
        Assessment x;
        Assessment y;
        try {
            x = assessor.assess(readers.read(a));
            y = assessor.assess(readers.read(b));
        } catch (RecordException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Exits.USAGE;
        }
        StringBuilder sb = new StringBuilder();
        String f = "%-34s | %-30s | %-30s%n";
        sb.append(String.format(Locale.ROOT, f, "", x.release().name(), y.release().name()));
        sb.append(String.format(Locale.ROOT, f, "MOF", x.mof().label(), y.mof().label()));
        sb.append(String.format(Locale.ROOT, f, "MOF with licence repair", x.mofNormalized().label(), y.mofNormalized().label()));
        sb.append(String.format(Locale.ROOT, f, "OSAID", x.osaid().pass() ? "pass" : "fail", y.osaid().pass() ? "pass" : "fail"));
        sb.append(String.format(Locale.ROOT, f, "Open Source AI Index", osai(x), osai(y)));
        sb.append(String.format(Locale.ROOT, f, "Release gradient", x.gradient().level().title(), y.gradient().level().title()));
        for (ComponentType t : ComponentType.values()) {
            String ax = x.release().availability(t).id();
            String ay = y.release().availability(t).id();
            String mark = ax.equals(ay) ? "" : " *";
            sb.append(String.format(Locale.ROOT, f, t.title() + mark, ax + lic(x, t), ay + lic(y, t)));
        }
        spec.commandLine().getOut().print(sb);
        spec.commandLine().getOut().flush();
        return Exits.OK;
    }

    private static String osai(Assessment a) {
        return a.osai().map(o -> String.format(Locale.ROOT, "%.1f%%", o.score() * 100)).orElse("—");
    }

    private static String lic(Assessment a, ComponentType t) {
        return a.release().component(t).map(c -> c.license() == null ? "" : " (" + c.license() + ")").orElse("");
    }
}
