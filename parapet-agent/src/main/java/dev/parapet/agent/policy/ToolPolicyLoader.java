package dev.parapet.agent.policy;

import dev.parapet.agent.Action;
import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads tool policies from YAML. Every error names the file, the line and the reason: unknown keys and
 * capabilities, bad patterns, and rules that contradict themselves (a minimum above the maximum, an
 * allowed value the argument's own pattern or limits refuse).
 *
 * <pre>
 * unknown_tools: block              # or require_approval
 * risk_threshold: 0.6
 * trusted_values: [DE89370400440532013000]
 * tools:
 *   send_money:
 *     capabilities: [spends_money, sends_externally]
 *     intents: [pay, send, transfer, refund]
 *     approval: never                # never | if_untrusted | always
 *     rate_limit: {max_calls: 5}
 *     arguments:
 *       recipient: {target: true, required: true, pattern: "[A-Z]{2}[0-9A-Z]{10,32}"}
 *       amount: {min: 0, max: 5000}
 * </pre>
 */
public final class ToolPolicyLoader {

    private static final Set<String> ROOT_KEYS = Set.of("version", "description", "unknown_tools", "risk_threshold",
            "trusted_values", "tools");
    private static final Set<String> TOOL_KEYS = Set.of("description", "capabilities", "intents", "approval",
            "rate_limit", "arguments", "strict_arguments");
    private static final Set<String> ARG_KEYS = Set.of("description", "required", "target", "allowed_values",
            "allowed_domains", "min", "max", "path_prefixes", "pattern", "max_length");

    private ToolPolicyLoader() {
    }

    public static ToolPolicy load(Path file) {
        return read(file.toString(), Yaml.parse(file));
    }

    public static ToolPolicy load(String source, InputStream in) {
        return read(source, Yaml.parse(source, in));
    }

    public static ToolPolicy parse(String source, String yaml) {
        return read(source, Yaml.parse(source, yaml));
    }

    private static ToolPolicy read(String source, YamlNode root) {
        root.onlyKeys(ROOT_KEYS);
        Action unknown = root.get("unknown_tools").map(n -> switch (n.string()) {
            case "block" -> Action.BLOCK;
            case "require_approval" -> Action.REQUIRE_APPROVAL;
            default -> throw n.error("unknown_tools must be block or require_approval, was '" + n.string() + "'");
        }).orElse(Action.BLOCK);
        double threshold = root.get("risk_threshold").map(n -> {
            double v = n.number();
            if (!(v > 0 && v <= 1)) {
                throw n.error("risk_threshold must be in (0, 1], was " + v);
            }
            return v;
        }).orElse(ToolPolicy.DEFAULT_RISK_THRESHOLD);
        Map<String, ToolRule> tools = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : root.require("tools").entries().entrySet()) {
            tools.put(e.getKey(), tool(e.getKey(), e.getValue()));
        }
        return new ToolPolicy(source, tools, unknown, threshold, root.strings("trusted_values"));
    }

    private static ToolRule tool(String name, YamlNode n) {
        if (!n.isMap()) {
            throw n.error("tool '" + name + "' must be a map");
        }
        n.onlyKeys(TOOL_KEYS);
        YamlNode capsNode = n.require("capabilities");
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        for (YamlNode c : capsNode.list()) {
            Capability cap = Capability.byId(c.string());
            if (cap == null) {
                throw c.error("tool '" + name + "': unknown capability '" + c.string() + "' (known: reads, writes, "
                        + "sends_externally, spends_money, executes_code, deletes)");
            }
            if (!caps.add(cap)) {
                throw c.error("tool '" + name + "': capability '" + c.string() + "' is listed twice");
            }
        }
        if (caps.isEmpty()) {
            throw capsNode.error("tool '" + name + "' needs at least one capability");
        }
        Approval approval = n.get("approval").map(a -> switch (a.string()) {
            case "never" -> Approval.NEVER;
            case "if_untrusted" -> Approval.IF_UNTRUSTED;
            case "always" -> Approval.ALWAYS;
            default -> throw a.error("tool '" + name + "': approval must be never, if_untrusted or always, was '"
                    + a.string() + "'");
        }).orElse(Approval.NEVER);
        Optional<RateLimit> rate = n.get("rate_limit").map(r -> {
            r.onlyKeys(Set.of("max_calls"));
            try {
                return new RateLimit(r.require("max_calls").integer());
            } catch (IllegalArgumentException ex) {
                throw r.error("tool '" + name + "': " + ex.getMessage());
            }
        });
        List<String> intents = new ArrayList<>();
        for (YamlNode i : n.get("intents").map(YamlNode::list).orElse(List.of())) {
            if (i.string().isBlank()) {
                throw i.error("tool '" + name + "': empty intent");
            }
            intents.add(i.string());
        }
        Map<String, ArgumentRule> args = new LinkedHashMap<>();
        n.get("arguments").ifPresent(a -> {
            for (Map.Entry<String, YamlNode> e : a.entries().entrySet()) {
                args.put(e.getKey(), argument(name, e.getKey(), e.getValue()));
            }
        });
        return new ToolRule(name, caps, args, n.bool("strict_arguments", false), approval, rate, intents);
    }

    private static ArgumentRule argument(String tool, String name, YamlNode n) {
        if (n.isNull()) {
            return ArgumentRule.free(name);
        }
        if (!n.isMap()) {
            throw n.error("argument '" + name + "' of tool '" + tool + "' must be a map");
        }
        n.onlyKeys(ARG_KEYS);
        String where = "tool '" + tool + "', argument '" + name + "': ";
        Optional<BoundedPattern> pattern = n.get("pattern").map(p -> {
            try {
                return BoundedPattern.compile(p.string());
            } catch (IllegalArgumentException ex) {
                throw p.error(where + ex.getMessage());
            }
        });
        OptionalDouble min = n.get("min").map(v -> OptionalDouble.of(v.number())).orElse(OptionalDouble.empty());
        OptionalDouble max = n.get("max").map(v -> OptionalDouble.of(v.number())).orElse(OptionalDouble.empty());
        int maxLength = n.get("max_length").map(YamlNode::integer).orElse(ArgumentRule.DEFAULT_MAX_LENGTH);
        ArgumentRule rule;
        try {
            rule = new ArgumentRule(name, n.bool("required", false), n.bool("target", false),
                    n.strings("allowed_values"), n.strings("allowed_domains"), min, max, n.strings("path_prefixes"),
                    pattern, maxLength);
        } catch (IllegalArgumentException ex) {
            throw n.error(where + ex.getMessage());
        }
        for (YamlNode v : n.get("allowed_values").map(YamlNode::list).orElse(List.of())) {
            String problem = ArgumentChecks.violation(rule.withoutAllowedValues(), v.string());
            if (problem != null) {
                throw v.error(where + "allowed value '" + v.string() + "' contradicts the argument's own rules: "
                        + problem);
            }
        }
        return rule;
    }

}
