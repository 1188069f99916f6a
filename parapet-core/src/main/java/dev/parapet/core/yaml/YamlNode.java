package dev.parapet.core.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML node that knows where it came from, so every validation error can name file, line and
 * reason. A thin read-only wrapper over SnakeYAML's composed node graph.
 */
public final class YamlNode {

    private final String source;
    private final Node node;

    YamlNode(String source, Node node) {
        this.source = source;
        this.node = node;
    }

    public String source() {
        return source;
    }

    /** 1-based line of this node. */
    public int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    public int column() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getColumn() + 1;
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** An error located at this node. */
    public YamlException error(String reason) {
        return new YamlException(source, line(), column(), reason);
    }

    // ---- maps ----

    /** Entries of a map in document order; fails when this is not a map. */
    public Map<String, YamlNode> entries() {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (key: value), found " + kind());
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new YamlNode(source, t.getKeyNode()).error("keys must be plain scalars");
            }
            if (out.put(k.getValue(), new YamlNode(source, t.getValueNode())) != null) {
                throw new YamlNode(source, k).error("duplicate key '" + k.getValue() + "'");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public Optional<YamlNode> get(String key) {
        YamlNode v = entries().get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    public YamlNode require(String key) {
        return get(key).orElseThrow(() -> error("missing required key '" + key + "'"));
    }

    /** Fails on keys outside {@code allowed}, naming the closest spelling mistakes early. */
    public YamlNode onlyKeys(Set<String> allowed) {
        for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown key '" + e.getKey() + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return this;
    }

    public String string(String key, String fallback) {
        return get(key).map(YamlNode::string).orElse(fallback);
    }

    public double number(String key, double fallback) {
        return get(key).map(YamlNode::number).orElse(fallback);
    }

    public boolean bool(String key, boolean fallback) {
        return get(key).map(YamlNode::bool).orElse(fallback);
    }

    public List<String> strings(String key) {
        return get(key).map(n -> n.list().stream().map(YamlNode::string).toList()).orElse(List.of());
    }

    // ---- lists and scalars ----

    public List<YamlNode> list() {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list, found " + kind());
        }
        List<YamlNode> out = new ArrayList<>(s.getValue().size());
        for (Node n : s.getValue()) {
            out.add(new YamlNode(source, n));
        }
        return out;
    }

    public String string() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value, found " + kind());
        }
        return s.getValue();
    }

    public double number() {
        String v = string().trim();
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw error("expected a finite number, found '" + v + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw error("expected a number, found '" + v + "'");
        }
    }

    public int integer() {
        String v = string().trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error("expected an integer, found '" + v + "'");
        }
    }

    public boolean bool() {
        String v = string().trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("expected true or false, found '" + v + "'");
        };
    }

    private String kind() {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        return isNull() ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }
}
