package dev.parapet.atlas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.atlas.Atlas;
import dev.parapet.atlas.AtlasEntry;
import dev.parapet.atlas.Gaps;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code parapet atlas}: the open safety tools across the AI development workflow, and where there are none.
 * Exit codes: 0 done, 1 nothing found (show), 2 usage error.
 */
@Command(name = "atlas", mixinStandardHelpOptions = true,
        description = "The atlas of open safety tools across the AI development workflow.",
        subcommands = {AtlasCommand.ListTools.class, AtlasCommand.ShowTool.class, AtlasCommand.ShowGaps.class},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
public final class AtlasCommand implements Runnable {

    /** Output formats. */
    public enum Format { text, md, json }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, show or gaps");
    }

    /** Runs the command standalone: {@code java ... AtlasCommand list --stage deployment}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new AtlasCommand()).execute(args));
    }

    static ObjectNode json(AtlasEntry e, Atlas atlas) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", e.name());
        o.set("stages", JSON.valueToTree(e.stages()));
        o.put("kind", e.kind());
        o.put("licence", e.licence());
        o.put("open_weights", e.openWeights());
        o.put("open", atlas.open(e));
        o.set("modalities", JSON.valueToTree(e.modalities()));
        o.set("languages", JSON.valueToTree(e.languages()));
        o.put("taxonomy", e.taxonomy());
        o.set("side", JSON.valueToTree(e.sides()));
        o.put("maintainer", e.maintainer());
        o.put("link", e.link());
        o.put("parapet_detector", e.parapet().orElse(null));
        o.put("checked", e.checked().orElse(null));
        return o;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private static String langs(List<String> l) {
        return l.size() > 8 ? String.join(", ", l.subList(0, 8)) + " … (" + l.size() + ")" : String.join(", ", l);
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    @Command(name = "list", description = "List tools, filtered by stage, kind, open weights and language.")
    static final class ListTools implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--stage", paramLabel = "S", description = "data, pretraining, post-training, evaluation, deployment or monitoring")
        String stage;
        @Option(names = "--kind", paramLabel = "K", description = "dataset, classifier, guard_model, framework, benchmark, …")
        String kind;
        @Option(names = "--open-weights", description = "Only tools whose model weights are downloadable.")
        boolean openWeights;
        @Option(names = "--language", paramLabel = "L", description = "Only tools built for this language (BCP 47).")
        String language;
        @Option(names = "--format", defaultValue = "text", description = "text, md or json (default: ${DEFAULT-VALUE})")
        Format format;

        @Override
        public Integer call() {
            Atlas atlas = Atlas.builtIn();
            if (stage != null && !atlas.stages().contains(stage)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown stage '" + stage + "' (expected one of: "
                        + String.join(", ", atlas.stages()) + ")");
            }
            if (kind != null && !atlas.kinds().contains(kind)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown kind '" + kind + "' (expected one of: "
                        + String.join(", ", atlas.kinds()) + ")");
            }
            List<AtlasEntry> found = atlas.select(Optional.ofNullable(stage), Optional.ofNullable(kind), openWeights,
                    Optional.ofNullable(language));
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case json -> {
                    ArrayNode a = JSON.createArrayNode();
                    found.forEach(e -> a.add(json(e, atlas)));
                    out.println(write(a));
                }
                case md -> {
                    out.println("| name | stages | kind | licence | open weights | modalities | languages | side | maintainer | Parapet detector |");
                    out.println("|---|---|---|---|---|---|---|---|---|---|");
                    for (AtlasEntry e : found) {
                        out.println("| [" + cell(e.name()) + "](" + e.link() + ") | " + String.join(", ", e.stages()) + " | "
                                + e.kind() + " | " + cell(e.licence()) + " | " + (e.openWeights() ? "yes" : "no") + " | "
                                + String.join(", ", e.modalities()) + " | " + langs(e.languages()) + " | "
                                + String.join(", ", e.sides()) + " | " + cell(e.maintainer()) + " | "
                                + e.parapet().map(p -> "`" + p + "`").orElse("") + " |");
                    }
                }
                case text -> {
                    for (AtlasEntry e : found) {
                        out.printf("%-42s %-14s %-18s %-26s%s%n", e.name(), e.stages().get(0), e.kind(), e.licence(),
                                e.parapet().map(p -> "  [parapet: " + p + "]").orElse(""));
                    }
                    out.println(found.size() + " tools");
                }
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Everything the atlas says about one tool.")
    static final class ShowTool implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", arity = "1..*", description = "The tool's name (case-insensitive).")
        List<String> name;
        @Option(names = "--format", defaultValue = "text", description = "text, md or json")
        Format format;

        @Override
        public Integer call() {
            Atlas atlas = Atlas.builtIn();
            String wanted = String.join(" ", name);
            Optional<AtlasEntry> e = atlas.entry(wanted);
            if (e.isEmpty()) {
                spec.commandLine().getErr().println("no tool named '" + wanted + "' in the atlas (see 'atlas list')");
                return 1;
            }
            ObjectNode o = json(e.get(), atlas);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(write(o));
            } else {
                boolean md = format == Format.md;
                o.fields().forEachRemaining(f -> {
                    String v = f.getValue().isArray() || f.getValue().isObject() ? join(f.getValue()) : f.getValue().asText();
                    out.println(md ? "- **" + f.getKey() + "**: " + v : String.format("%-17s %s", f.getKey(), v));
                });
            }
            return 0;
        }

        private static String join(com.fasterxml.jackson.databind.JsonNode n) {
            StringBuilder sb = new StringBuilder();
            n.forEach(x -> sb.append(sb.length() == 0 ? "" : ", ").append(x.asText()));
            return sb.toString();
        }
    }

    @Command(name = "gaps", description = "Stages, modalities and languages where the atlas has no open tool.")
    static final class ShowGaps implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--format", defaultValue = "text", description = "text, md or json")
        Format format;

        @Override
        public Integer call() {
            Atlas atlas = Atlas.builtIn();
            Gaps g = Gaps.of(atlas);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(write(JSON.valueToTree(g)));
                return 0;
            }
            boolean md = format == Format.md;
            out.println((md ? "**" : "") + "Stages with no open tool:" + (md ? "** " : " ")
                    + (g.stagesWithoutOpenTools().isEmpty() ? "none" : String.join(", ", g.stagesWithoutOpenTools())));
            out.println(md ? "\n| stage | open tools | modalities without an open tool | languages without an open tool |\n|---|---|---|---|" : "");
            for (Gaps.StageGaps s : g.byStage()) {
                String mods = s.modalities().isEmpty() ? "none" : String.join(", ", s.modalities());
                String langs = s.languages().isEmpty() ? "none" : String.join(", ", s.languages());
                out.println(md ? "| " + s.stage() + " | " + s.openTools() + " | " + mods + " | " + langs + " |"
                        : s.stage() + " (" + s.openTools() + " open tools)\n  no open tool for modalities: " + mods
                        + "\n  no open tool built for languages: " + langs);
            }
            return 0;
        }
    }
}
