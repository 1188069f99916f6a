package dev.parapet.detect.injection;

import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads cue rules from YAML (see the shipped {@code cues.yaml}); errors name the file and line. */
public final class CueRules {

    private static final String SHIPPED = "cues.yaml";
    private static final Set<String> CATEGORIES = Set.of("prompt_injection", "jailbreak");

    private CueRules() {
    }

    /** The rules shipped with Parapet. */
    public static List<CueRule> shipped() {
        InputStream in = CueRules.class.getResourceAsStream(SHIPPED);
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("missing resource " + SHIPPED));
        }
        return read(Yaml.parse(SHIPPED, in));
    }

    /** Rules from a YAML file. */
    public static List<CueRule> load(Path file) {
        return read(Yaml.parse(file));
    }

    /** Rules from YAML text; {@code source} names it in errors. */
    public static List<CueRule> parse(String source, String yaml) {
        return read(Yaml.parse(source, yaml));
    }

    private static List<CueRule> read(YamlNode root) {
        root.onlyKeys(Set.of("rules"));
        List<CueRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode r : root.require("rules").list()) {
            r.onlyKeys(Set.of("id", "category", "weight", "window", "groups", "data_only", "pasted", "anchor"));
            String id = r.require("id").string();
            if (!ids.add(id)) {
                throw r.error("duplicate rule id '" + id + "'");
            }
            String category = r.require("category").string();
            if (!CATEGORIES.contains(category)) {
                throw r.require("category").error("category must be one of " + CATEGORIES + ", was '" + category + "'");
            }
            List<List<String>> groups = new ArrayList<>();
            for (YamlNode g : r.require("groups").list()) {
                List<String> terms = new ArrayList<>();
                for (YamlNode t : g.list()) {
                    String term = t.string();
                    if (term.isBlank()) {
                        throw t.error("empty term");
                    }
                    terms.add(term);
                }
                if (terms.isEmpty()) {
                    throw g.error("empty group");
                }
                groups.add(terms);
            }
            try {
                rules.add(new CueRule(id, category, r.require("weight").number(), r.require("window").integer(), groups,
                        r.bool("data_only", false), r.bool("pasted", false),
                        r.get("anchor").map(YamlNode::integer).orElse(-1)));
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage());
            }
        }
        return List.copyOf(rules);
    }

}
