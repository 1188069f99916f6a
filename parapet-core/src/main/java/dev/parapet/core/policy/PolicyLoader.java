package dev.parapet.core.policy;

import dev.parapet.core.taxonomy.Taxonomy;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlException;
import dev.parapet.core.yaml.YamlNode;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link Policy} from YAML and validates it against the canonical taxonomy. Any mistake is
 * rejected at load as a {@link YamlException} with file, line and reason, never discovered at the first
 * request.
 *
 * <pre>
 * id: my-policy
 * version: "3"
 * fail_mode: closed            # closed (default) | open
 * detector_budget_ms: 200
 * detector_budgets_ms: {lexicon: 50}
 * defaults: {threshold: 0.5, action: block}
 * categories:                  # the categories checked; each may override the defaults
 *   hate: {threshold: 0.7}
 *   pii: {action: redact}
 * input:  {pii: {action: flag}}     # overrides for system, user and tool content; "off" disables
 * output: {pii: {action: redact}}   # overrides for assistant content
 * custom_categories: [competitors]  # ids outside the canonical taxonomy that this policy uses
 * allow_terms: [scunthorpe]
 * deny_terms: ["project x", {term: "acme", category: competitors}]
 * </pre>
 */
public final class PolicyLoader {

    private static final Set<String> KEYS = Set.of("id", "version", "description", "fail_mode",
            "detector_budget_ms", "detector_budgets_ms", "defaults", "categories", "input", "output",
            "custom_categories", "allow_terms", "deny_terms");
    private static final Set<String> RULE_KEYS = Set.of("threshold", "action");
    private static final String DEFAULT_RESOURCE = "/dev/parapet/core/policy/default-policy.yaml";

    private final Taxonomy taxonomy;

    public PolicyLoader(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public Policy load(Path file) {
        return read(Yaml.parse(file));
    }

    public Policy load(String sourceName, String yaml) {
        return read(Yaml.parse(sourceName, yaml));
    }

    static Policy builtInDefault() {
        InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
        }
        return new PolicyLoader(dev.parapet.core.taxonomy.Taxonomies.builtIn().canonical())
                .read(Yaml.parse("default-policy.yaml", in));
    }

    /** Validates and builds a policy from a parsed document. */
    public Policy read(YamlNode root) {
        root.onlyKeys(KEYS);
        String id = root.require("id").string().trim();
        if (id.isEmpty()) {
            throw root.require("id").error("id must not be empty");
        }
        Set<String> known = new HashSet<>(taxonomy.ids());
        known.add(Policy.DENY_LIST);
        root.get("custom_categories").ifPresent(n -> n.list().forEach(c -> {
            String cid = c.string();
            if (!cid.matches("[a-z][a-z0-9_]*")) {
                throw c.error("custom category '" + cid + "' must be snake_case");
            }
            if (!known.add(cid)) {
                throw c.error("custom category '" + cid + "' already exists");
            }
        }));

        Rule defaults = root.get("defaults").map(n -> rule(n, new Rule(0.5, Action.BLOCK)))
                .orElse(new Rule(0.5, Action.BLOCK));

        Map<String, Rule> base = new LinkedHashMap<>();
        YamlNode cats = root.require("categories");
        if (cats.isList()) {
            for (YamlNode c : cats.list()) {
                base.put(category(c, c.string(), known), defaults);
            }
        } else {
            cats.entries().forEach((name, n) -> {
                category(n, name, known);
                base.put(name, n.isNull() ? defaults : rule(n, defaults));
            });
        }

        Map<String, Rule> input = side(root, "input", base, known);
        Map<String, Rule> output = side(root, "output", base, known);

        FailMode failMode;
        String fm = root.string("fail_mode", "closed").toLowerCase(Locale.ROOT);
        switch (fm) {
            case "closed" -> failMode = FailMode.CLOSED;
            case "open" -> failMode = FailMode.OPEN;
            default -> throw root.require("fail_mode").error("fail_mode must be closed or open, was '" + fm + "'");
        }

        Duration budget = root.get("detector_budget_ms").map(PolicyLoader::millis).orElse(Duration.ofMillis(1000));
        Map<String, Duration> budgets = new LinkedHashMap<>();
        root.get("detector_budgets_ms").ifPresent(n -> n.entries().forEach((k, v) -> budgets.put(k, millis(v))));

        List<String> allow = new ArrayList<>();
        root.get("allow_terms").ifPresent(n -> n.list().forEach(t -> allow.add(term(t, t.string()))));
        List<TermRule> deny = new ArrayList<>();
        root.get("deny_terms").ifPresent(n -> n.list().forEach(t -> {
            if (t.isScalar()) {
                deny.add(new TermRule(term(t, t.string()), Policy.DENY_LIST));
            } else {
                t.onlyKeys(Set.of("term", "category"));
                String cat = t.string("category", Policy.DENY_LIST);
                category(t, cat, known);
                deny.add(new TermRule(term(t, t.require("term").string()), cat));
            }
        }));
        if (!deny.isEmpty()) { // deny-list hits must be able to act, whatever the categories say
            for (TermRule r : deny) {
                input.putIfAbsent(r.category(), defaults);
                output.putIfAbsent(r.category(), defaults);
            }
        }
        try {
            return new Policy(id, root.string("version", "1"), root.string("description", ""), input, output,
                    allow, deny, failMode, budget, budgets);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage());
        }
    }

    private Map<String, Rule> side(YamlNode root, String key, Map<String, Rule> base, Set<String> known) {
        Map<String, Rule> out = new LinkedHashMap<>(base);
        root.get(key).ifPresent(n -> n.entries().forEach((name, v) -> {
            category(v, name, known);
            if (v.isScalar() && "off".equalsIgnoreCase(v.string())) {
                out.remove(name);
            } else {
                Rule inherited = out.getOrDefault(name, base.getOrDefault(name, new Rule(0.5, Action.BLOCK)));
                out.put(name, rule(v, inherited));
            }
        }));
        return out;
    }

    private static String category(YamlNode where, String id, Set<String> known) {
        if (!known.contains(id)) {
            throw where.error("unknown category '" + id + "' (declare it under custom_categories, or use one of: "
                    + String.join(", ", known.stream().sorted().toList()) + ")");
        }
        return id;
    }

    private static Rule rule(YamlNode n, Rule inherited) {
        if (n.isNull()) {
            return inherited;
        }
        n.onlyKeys(RULE_KEYS);
        double threshold = n.get("threshold").map(YamlNode::number).orElse(inherited.threshold());
        if (threshold < 0 || threshold > 1) {
            throw n.require("threshold").error("threshold must be between 0 and 1, was " + threshold);
        }
        Action action = inherited.action();
        if (n.get("action").isPresent()) {
            YamlNode a = n.require("action");
            try {
                action = Action.parse(a.string());
            } catch (IllegalArgumentException e) {
                throw a.error(e.getMessage());
            }
        }
        return new Rule(threshold, action);
    }

    private static Duration millis(YamlNode n) {
        int ms = n.integer();
        if (ms <= 0 || ms > 600_000) {
            throw n.error("a time budget must be between 1 and 600000 ms, was " + ms);
        }
        return Duration.ofMillis(ms);
    }

    private static String term(YamlNode n, String t) {
        if (t == null || t.isBlank()) {
            throw n.error("a term must not be empty");
        }
        if (t.length() > 200) {
            throw n.error("a term must be at most 200 characters");
        }
        return t;
    }
}
