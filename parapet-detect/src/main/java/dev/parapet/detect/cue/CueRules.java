package dev.parapet.detect.cue;

import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads cue rules from YAML (see {@code injection/cues.yaml} and {@code request/reproduction.yaml}); errors name the file
 * and line. Each detector that reads cue rules names the categories its rules may report.
 */
public final class CueRules {

    private CueRules() {
    }

    /** Rules shipped as a classpath resource of {@code owner}'s package. */
    public static List<CueRule> resource(Class<?> owner, String name, Set<String> categories) {
        InputStream in = owner.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("missing resource " + name));
        }
        return read(Yaml.parse(name, in), categories);
    }

    /** Rules from a YAML file. */
    public static List<CueRule> load(Path file, Set<String> categories) {
        return read(Yaml.parse(file), categories);
    }

    /** Rules from YAML text; {@code source} names it in errors. */
    public static List<CueRule> parse(String source, String yaml, Set<String> categories) {
        return read(Yaml.parse(source, yaml), categories);
    }

    private static List<CueRule> read(YamlNode root, Set<String> categories) {
        root.onlyKeys(Set.of("rules"));
        List<CueRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode r : root.require("rules").list()) {
            r.onlyKeys(Set.of("id", "category", "weight", "window", "groups", "unless", "data_only", "pasted", "restricted",
                    "anchor"));
            String id = r.require("id").string();
            if (!ids.add(id)) {
                throw r.error("duplicate rule id '" + id + "'");
            }
            String category = r.require("category").string();
            if (!categories.contains(category)) {
                throw r.require("category").error("category must be one of " + new TreeSet<>(categories)
                        + ", was '" + category + "'");
            }
            List<List<String>> groups = new ArrayList<>();
            for (YamlNode g : r.require("groups").list()) {
                groups.add(terms(g));
            }
            List<String> unless = r.get("unless").map(CueRules::terms).orElse(List.of());
            try {
                rules.add(new CueRule(id, category, r.require("weight").number(), r.require("window").integer(), groups,
                        unless, r.bool("data_only", false), r.bool("pasted", false), r.bool("restricted", false),
                        r.get("anchor").map(YamlNode::integer).orElse(-1)));
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage());
            }
        }
        return List.copyOf(rules);
    }

    private static List<String> terms(YamlNode group) {
        List<String> terms = new ArrayList<>();
        for (YamlNode t : group.list()) {
            String term = t.string();
            if (term.isBlank()) {
                throw t.error("empty term");
            }
            terms.add(term);
        }
        if (terms.isEmpty()) {
            throw group.error("empty group");
        }
        return terms;
    }
}
