package dev.parapet.openness.read;

import dev.parapet.core.yaml.YamlNode;
import dev.parapet.openness.model.Availability;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.GlobalLicenses;
import dev.parapet.openness.model.IndexGrade;
import dev.parapet.openness.model.IndexParameter;
import dev.parapet.openness.model.ModelRelease;
import dev.parapet.openness.model.SourceFormat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Parapet's own openness manifest ({@code parapet: openness-manifest/1}), a superset of the other formats:
 * release facts, global licences, components of both levels with availability, location and licence, and
 * optionally the index parameters. See {@code docs/OPENNESS.md} for the format.
 */
public final class ManifestReader {

    public static final String MARKER = "openness-manifest/1";
    private static final Set<String> TOP = Set.of("parapet", "name", "version", "producer", "base_model", "modality",
            "claims_open_source", "license", "components", "index", "source_format");
    private static final Set<String> COMPONENT = Set.of("type", "availability", "location", "license");

    public static boolean accepts(YamlNode root) {
        return root.isMap() && root.entries().containsKey("parapet");
    }

    public ModelRelease read(String file, YamlNode root) {
        String marker = root.require("parapet").string();
        if (!MARKER.equals(marker)) {
            throw new RecordException(file, root.require("parapet").line(),
                    "unsupported manifest version '" + marker + "' (expected " + MARKER + ")");
        }
        ModelRelease.Builder b = ModelRelease.builder(file).format(SourceFormat.MANIFEST);
        for (Map.Entry<String, YamlNode> e : root.entries().entrySet()) {
            if (!TOP.contains(e.getKey())) b.issue(e.getValue().line(), "unknown key '" + e.getKey() + "'; ignored");
        }
        String name = Nodes.text(root, "name", b);
        if (name == null || name.isBlank()) b.issue(root.line(), "required field 'name' is missing");
        b.name(name).version(Nodes.text(root, "version", b)).producer(Nodes.text(root, "producer", b))
                .baseModel(Nodes.text(root, "base_model", b)).modality(Nodes.text(root, "modality", b));
        String claims = Nodes.text(root, "claims_open_source", b);
        b.claimsOpenSource(claims != null && claims.trim().equalsIgnoreCase("true"));
        YamlNode lic = Nodes.map(root, "license", b);
        if (lic != null) {
            b.globalLicenses(new GlobalLicenses(Nodes.text(lic, "distribution", b), Nodes.text(lic, "code", b),
                    Nodes.text(lic, "data", b), Nodes.text(lic, "document", b)));
        }
        Optional<YamlNode> components = root.get("components");
        if (components.isEmpty()) {
            b.issue(root.line(), "no 'components' listed; every component counts as absent");
        } else if (!components.get().isList()) {
            b.issue(components.get().line(), "'components' must be a list");
        } else {
            for (YamlNode c : components.get().list()) component(c, b);
        }
        YamlNode index = Nodes.map(root, "index", b);
        if (index != null) {
            for (Map.Entry<String, YamlNode> e : index.entries().entrySet()) {
                YamlNode p = e.getValue();
                String cls = p.isMap() ? Nodes.text(p, "class", b) : p.isScalar() ? p.string() : null;
                Optional<IndexGrade> g = IndexGrade.parse(cls);
                if (g.isEmpty()) b.issue(p.line(), "index parameter '" + e.getKey() + "' has unknown class '" + cls + "'");
                b.indexParameter(new IndexParameter(e.getKey(), g.orElse(IndexGrade.BLANK),
                        p.isMap() ? Nodes.strings(p.get("link").orElse(null)) : java.util.List.of(),
                        p.isMap() ? Nodes.text(p, "notes", b) : "", p.line()));
            }
        }
        return b.build();
    }

    private static void component(YamlNode c, ModelRelease.Builder b) {
        if (!c.isMap()) {
            b.issue(c.line(), "a component must be a mapping with type and availability");
            return;
        }
        for (Map.Entry<String, YamlNode> e : c.entries().entrySet()) {
            if (!COMPONENT.contains(e.getKey())) b.issue(e.getValue().line(), "unknown component key '" + e.getKey() + "'");
        }
        String type = Nodes.text(c, "type", b);
        Optional<ComponentType> t = ComponentType.parse(type);
        if (t.isEmpty()) {
            b.issue(c.line(), type == null ? "component without 'type'; skipped" : "unknown component type '" + type + "'; skipped");
            return;
        }
        String avail = Nodes.text(c, "availability", b);
        Optional<Availability> a = avail == null ? Optional.of(Availability.DOWNLOADABLE) : Availability.parse(avail);
        if (a.isEmpty()) {
            b.issue(c.line(), "unknown availability '" + avail + "' for " + t.get().id() + "; read as described");
        }
        b.component(new Component(t.get(), a.orElse(Availability.DESCRIBED), Nodes.text(c, "location", b),
                Nodes.text(c, "license", b), c.line()));
    }
}
