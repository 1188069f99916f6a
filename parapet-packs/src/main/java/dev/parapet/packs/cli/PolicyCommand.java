package dev.parapet.packs.cli;

import dev.parapet.core.yaml.YamlException;
import dev.parapet.ml.embed.MiniLmEmbedder;
import dev.parapet.packs.ExemplarClassifier;
import dev.parapet.packs.GuardPolicy;
import dev.parapet.packs.PackCatalog;
import dev.parapet.packs.PackDiff;
import dev.parapet.packs.PackEvaluation;
import dev.parapet.packs.PolicyPack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code parapet policy}: list, validate, test and compare policy packs. Exit codes: 0 done, 1 a pack is invalid
 * (validate, list) or differs (diff), 2 usage or input error.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Policy packs: a community's own categories, defined by a definition and examples.",
        subcommands = {PolicyCommand.ListPacks.class, PolicyCommand.Validate.class, PolicyCommand.Test.class,
                PolicyCommand.Diff.class, PolicyCommand.Show.class},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
public final class PolicyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--packs", paramLabel = "DIR", description = "Folder of your own packs (*.yaml).",
            scope = CommandLine.ScopeType.INHERIT)
    Path packs;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: list, validate, test, diff or show");
    }

    PackCatalog catalog() {
        return new PackCatalog(Optional.ofNullable(packs));
    }

    /** Runs the command standalone: {@code java ... PolicyCommand list}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new PolicyCommand()).execute(args));
    }

    private static String pct(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private static int fail(PrintWriter err, RuntimeException e) {
        err.println("error: " + e.getMessage());
        return 2;
    }

    @Command(name = "list", description = "The shipped packs and those in --packs DIR.")
    static final class ListPacks implements Callable<Integer> {
        @CommandLine.ParentCommand
        PolicyCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int status = 0;
            try {
                for (PolicyPack p : parent.catalog().shipped()) {
                    out.println(line("shipped", p));
                }
                for (Path f : parent.catalog().folderFiles()) {
                    try {
                        out.println(line("folder ", dev.parapet.packs.PackLoader.load(f)));
                    } catch (YamlException e) {
                        err.println("invalid: " + e.getMessage());
                        status = 1;
                    }
                }
            } catch (YamlException e) {
                return fail(err, e);
            }
            return status;
        }

        private static String line(String where, PolicyPack p) {
            return where + "  " + p.id() + "  " + p.version() + "  sha256:" + p.sha256().substring(0, 12) + "  "
                    + p.categories().size() + " categories, " + p.exampleCount() + " examples  " + p.name()
                    + "  (" + p.source() + ")";
        }
    }

    @Command(name = "validate", description = "Check a pack (file or id); errors name file, line and reason.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.ParentCommand
        PolicyCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PACK")
        String pack;

        @Override
        public Integer call() {
            try {
                PolicyPack p = parent.catalog().resolve(pack);
                spec.commandLine().getOut().println("ok: " + p.provenance() + ", " + p.categories().size()
                        + " categories, " + p.exampleCount() + " examples");
                return 0;
            } catch (YamlException e) {
                spec.commandLine().getErr().println("invalid: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "test", description = "Run the pack's own examples, each leave-one-out, and print precision and recall.")
    static final class Test implements Callable<Integer> {
        @CommandLine.ParentCommand
        PolicyCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PACK")
        String pack;
        @Option(names = "--show-misses", description = "List the examples the classifier gets wrong.")
        boolean showMisses;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PolicyPack p;
            try {
                p = parent.catalog().resolve(pack);
            } catch (YamlException e) {
                return fail(spec.commandLine().getErr(), e);
            }
            try (MiniLmEmbedder embedder = MiniLmEmbedder.load()) {
                long t0 = System.nanoTime();
                ExemplarClassifier c = ExemplarClassifier.build(p, embedder::embed);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                PackEvaluation ev = PackEvaluation.of(c);
                out.println("pack " + p.provenance() + ": " + p.exampleCount() + " examples, compiled in " + ms
                        + " ms (leave-one-out, threshold " + PolicyPack.DEFAULT_THRESHOLD + ")");
                out.printf(Locale.ROOT, "%-32s %5s %5s %5s %5s %9s %7s%n", "category", "tp", "fp", "fn", "tn",
                        "precision", "recall");
                for (PackEvaluation.CategoryResult r : ev.categories()) {
                    out.printf(Locale.ROOT, "%-32s %5d %5d %5d %5d %9s %7s%n", r.category(), r.truePositives(),
                            r.falsePositives(), r.falseNegatives(), r.trueNegatives(), pct(r.precision()), pct(r.recall()));
                    if (showMisses) {
                        r.misses().forEach(m -> out.printf(Locale.ROOT, "    line %d (%s, p=%.2f): %s%n",
                                m.example().line(), m.example().positive() ? "positive" : "negative",
                                m.probability(), m.example().text()));
                    }
                }
                out.println("micro-average precision " + pct(ev.precision()) + " recall " + pct(ev.recall()));
                return 0;
            }
        }
    }

    @Command(name = "diff", description = "What changed from pack A to pack B.")
    static final class Diff implements Callable<Integer> {
        @CommandLine.ParentCommand
        PolicyCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "A")
        String a;
        @Parameters(index = "1", paramLabel = "B")
        String b;

        @Override
        public Integer call() {
            try {
                PolicyPack pa = parent.catalog().resolve(a);
                PolicyPack pb = parent.catalog().resolve(b);
                List<String> changes = PackDiff.between(pa, pb);
                PrintWriter out = spec.commandLine().getOut();
                out.println(pa.provenance() + " -> " + pb.provenance());
                if (changes.isEmpty()) {
                    out.println("no changes in meaning");
                    return 0;
                }
                changes.forEach(out::println);
                return 1;
            } catch (YamlException e) {
                return fail(spec.commandLine().getErr(), e);
            }
        }
    }

    @Command(name = "show", description = "Print the policy text a policy-following guard model receives for a pack.")
    static final class Show implements Callable<Integer> {
        @CommandLine.ParentCommand
        PolicyCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PACK")
        String pack;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().print(GuardPolicy.of(parent.catalog().resolve(pack)).text());
                return 0;
            } catch (YamlException e) {
                return fail(spec.commandLine().getErr(), e);
            }
        }
    }
}
