package dev.parapet.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An AgentDojo suite's environment (its {@code environment.yaml} with includes) and injection vectors.
 * Renders a part of the environment as the text a tool would return, with each injection vector's
 * placeholder replaced by the vector's default text or by an attack.
 */
final class DojoEnvironment {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;
    private final Map<String, String> defaults;

    private DojoEnvironment(JsonNode root, Map<String, String> defaults) {
        this.root = root;
        this.defaults = defaults;
    }

    static DojoEnvironment load(Path suiteDir) {
        Path env = suiteDir.resolve("environment.yaml");
        JsonNode root = toJson(Yaml.parse(env), suiteDir);
        Map<String, String> defaults = new LinkedHashMap<>();
        Path vectors = suiteDir.resolve("injection_vectors.yaml");
        if (Files.isRegularFile(vectors)) {
            for (Map.Entry<String, YamlNode> e : Yaml.parse(vectors).entries().entrySet()) {
                defaults.put(e.getKey(), e.getValue().get("default").map(YamlNode::string).orElse("")
                        .replace("\\n", "\n").replace("\\t", "\t"));
            }
        }
        return new DojoEnvironment(root, defaults);
    }

    Map<String, String> defaults() {
        return defaults;
    }

    /**
     * The raw text at {@code path}: each element a map key, or for lists a {@code {field: text}} filter
     * that keeps the items whose field contains the text (case-insensitive). Strings render as themselves,
     * everything else as JSON.
     */
    String raw(List<Object> path, String where) {
        JsonNode n = root;
        for (Object step : path) {
            if (step instanceof Map<?, ?> filter) {
                ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                for (JsonNode item : n) {
                    boolean all = true;
                    for (Map.Entry<?, ?> f : filter.entrySet()) {
                        String v = item.path(String.valueOf(f.getKey())).toString().toLowerCase(Locale.ROOT);
                        all &= v.contains(String.valueOf(f.getValue()).toLowerCase(Locale.ROOT));
                    }
                    if (all) {
                        kept.add(item);
                    }
                }
                n = kept;
            } else {
                JsonNode next = n.get(String.valueOf(step));
                if (next == null) {
                    throw new IllegalArgumentException(where + ": the environment has no '" + step + "' in path " + path);
                }
                n = next;
            }
        }
        return n.isTextual() ? n.asText() : n.toString();
    }

    /** The injection vectors whose placeholders occur in {@code text}. */
    Set<String> vectorsIn(String text) {
        Set<String> out = new TreeSet<>();
        for (String v : defaults.keySet()) {
            if (text.contains("{" + v + "}")) {
                out.add(v);
            }
        }
        return out;
    }

    /** {@code text} with every vector replaced: by {@code injected} where given, else by its default. */
    String fill(String text, Map<String, String> injected) {
        String out = text;
        for (Map.Entry<String, String> e : defaults.entrySet()) {
            String key = "{" + e.getKey() + "}";
            if (out.contains(key)) {
                out = out.replace(key, injected.getOrDefault(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private static JsonNode toJson(YamlNode n, Path dir) {
        if (n.isMap()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            n.entries().forEach((k, v) -> o.set(k, toJson(v, dir)));
            return o;
        }
        if (n.isList()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.list().forEach(v -> a.add(toJson(v, dir)));
            return a;
        }
        if (n.isNull()) {
            return JsonNodeFactory.instance.nullNode();
        }
        String s = n.string();
        if (s.endsWith(".yaml") && !s.contains(" ") && Files.isRegularFile(dir.resolve(s))) {
            return toJson(Yaml.parse(dir.resolve(s)), dir); // an !include
        }
        return JsonNodeFactory.instance.textNode(s);
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
