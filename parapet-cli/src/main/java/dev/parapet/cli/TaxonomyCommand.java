package dev.parapet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.taxonomy.Category;
import dev.parapet.core.taxonomy.Crosswalk;
import dev.parapet.core.taxonomy.Mapping;
import dev.parapet.core.taxonomy.Taxonomies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code parapet taxonomy}: the canonical categories and the crosswalks. */
@Command(name = "taxonomy", mixinStandardHelpOptions = true,
        description = "Show the canonical taxonomy and map between taxonomies.",
        subcommands = {TaxonomyCommand.ListCommand.class, TaxonomyCommand.MapCommand.class})
final class TaxonomyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: list or map");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the canonical categories and the taxonomies Parapet maps to.")
    static final class ListCommand implements Callable<Integer> {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Taxonomies t = Taxonomies.builtIn();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper m = new ObjectMapper();
                ObjectNode root = m.createObjectNode();
                root.put("id", t.canonical().id());
                root.put("name", t.canonical().name());
                ArrayNode cats = root.putArray("categories");
                for (Category c : t.canonical().categories()) {
                    ObjectNode o = cats.addObject();
                    o.put("id", c.id());
                    o.put("name", c.name());
                    o.put("group", c.group());
                    o.put("description", c.description());
                    c.codes().forEach(o.putArray("codes")::add);
                }
                ArrayNode cws = root.putArray("crosswalks");
                t.crosswalks().forEach(c -> cws.add(c.id()));
                out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                out.println(t.canonical().name() + " (" + t.canonical().id() + ")");
                for (Category c : t.canonical().categories()) {
                    out.println(String.format(Locale.ROOT, "  %-26s %-12s %s", c.id(), c.group(), c.description()));
                }
                out.println();
                out.println("Crosswalks: " + String.join(", ", t.crosswalks().stream().map(Crosswalk::id).toList()));
                out.println("Map with: parapet taxonomy map --from NAME --to NAME");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "map", mixinStandardHelpOptions = true,
            description = "Print the crosswalk from one taxonomy to another (through the canonical one).")
    static final class MapCommand implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "NAME",
                description = "Source taxonomy: mlcommons, llama-guard-3, openai-moderation, aegis-2, azure-content-safety.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "NAME", description = "Target taxonomy.")
        String to;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Taxonomies t = Taxonomies.builtIn();
            Map<String, List<String>> map;
            try {
                map = t.map(from, to);
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            Crosswalk src = t.crosswalk(from).orElse(null);
            if (json) {
                ObjectMapper m = new ObjectMapper();
                ObjectNode root = m.createObjectNode();
                root.put("from", from);
                root.put("to", to);
                ObjectNode mappings = root.putObject("mappings");
                map.forEach((k, v) -> v.forEach(mappings.withArray(k)::add));
                out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                out.println(from + " -> " + to);
                for (Map.Entry<String, List<String>> e : map.entrySet()) {
                    String name = src == null ? "" : src.mapping(e.getKey()).map(Mapping::name).orElse("");
                    String relation = src == null ? "" : src.mapping(e.getKey())
                            .map(mp -> mp.relation() == Mapping.Relation.EXACT ? "" : " (" + mp.relation().name().toLowerCase(Locale.ROOT) + ")")
                            .orElse("");
                    String target = e.getValue().isEmpty()
                            ? "(unmapped" + (src == null ? "" : src.mapping(e.getKey()).flatMap(Mapping::unmappedReason).map(r -> ": " + r).orElse("")) + ")"
                            : String.join(", ", e.getValue()) + relation;
                    String left = name.isEmpty() || name.equals(e.getKey()) ? e.getKey() : e.getKey() + " " + name;
                    out.println(String.format(Locale.ROOT, "  %-40s -> %s", left, target));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
