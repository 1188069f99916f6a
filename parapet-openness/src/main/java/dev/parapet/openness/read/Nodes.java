package dev.parapet.openness.read;

import dev.parapet.core.yaml.YamlNode;
import dev.parapet.openness.model.ModelRelease;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lenient accessors over YAML nodes: a wrong type becomes a warning on the record, never a failure. */
final class Nodes {

    private Nodes() {
    }

    /** A scalar under {@code key}, or null; a list or map there is reported. */
    static String text(YamlNode map, String key, ModelRelease.Builder b) {
        if (map == null || !map.isMap()) return null;
        Optional<YamlNode> v = map.get(key);
        if (v.isEmpty()) return null;
        if (!v.get().isScalar()) {
            b.issue(v.get().line(), "'" + key + "' should be a single value; ignored");
            return null;
        }
        return v.get().string();
    }

    /** A map under {@code key}, or null; another type there is reported. */
    static YamlNode map(YamlNode map, String key, ModelRelease.Builder b) {
        if (map == null || !map.isMap()) return null;
        Optional<YamlNode> v = map.get(key);
        if (v.isEmpty()) return null;
        if (!v.get().isMap()) {
            b.issue(v.get().line(), "'" + key + "' should be a mapping; ignored");
            return null;
        }
        return v.get();
    }

    /** One or more strings: a scalar or a list of scalars. */
    static List<String> strings(YamlNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (node.isScalar()) {
            if (!node.string().isBlank()) out.add(node.string().trim());
        } else if (node.isList()) {
            for (YamlNode n : node.list()) {
                if (n.isScalar() && !n.string().isBlank()) out.add(n.string().trim());
            }
        }
        return out;
    }
}
