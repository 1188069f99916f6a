package dev.parapet.openness.read;

import dev.parapet.core.yaml.YamlNode;
import dev.parapet.openness.model.Availability;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.GlobalLicenses;
import dev.parapet.openness.model.ModelRelease;
import dev.parapet.openness.model.SourceFormat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Model Openness Framework records ({@code framework:} + {@code release:}), checking them against the
 * MOF JSON schema's rules (required fields, types, enumerations). Deviations become warnings on the record;
 * only a record without a {@code release} mapping fails.
 */
public final class MofReader {

    private static final Set<String> TYPES = Set.of("", "language", "vision", "image", "audio", "video", "3d",
            "code", "multimodal", "other");
    private static final Set<String> ARCHITECTURES = Set.of("", "transformer", "transformer decoder",
            "transformer encoder-decoder", "decoder", "encoder", "diffusion", "rnn", "cnn", "lstm", "nerf", "hybrid",
            "undisclosed", "other");
    private static final Set<String> COMPONENT_KEYS = Set.of("name", "description", "license", "license_path",
            "component_path");

    /** True when the document looks like an MOF record. */
    public static boolean accepts(YamlNode root) {
        return root.isMap() && root.entries().containsKey("release");
    }

    public ModelRelease read(String file, YamlNode root) {
        ModelRelease.Builder b = ModelRelease.builder(file).format(SourceFormat.MOF);
        YamlNode framework = Nodes.map(root, "framework", b);
        if (framework == null) {
            b.issue(root.line(), "schema: missing 'framework' (name, version, date)");
        } else {
            for (String k : new String[] {"name", "version", "date"}) {
                if (Nodes.text(framework, k, b) == null) b.issue(framework.line(), "schema: framework." + k + " is missing");
            }
        }
        YamlNode release = root.get("release").orElse(null);
        if (release == null || !release.isMap()) {
            throw new RecordException(file, release == null ? root.line() : release.line(),
                    "'release' must be a mapping with name, producer, license and components");
        }
        String name = Nodes.text(release, "name", b);
        if (name == null || name.isBlank()) b.issue(release.line(), "schema: release.name is missing or empty");
        b.name(name).version(Nodes.text(release, "version", b)).producer(Nodes.text(release, "producer", b))
                .baseModel(Nodes.text(release, "origin", b));
        String type = Nodes.text(release, "type", b);
        if (type != null && !TYPES.contains(type)) b.issue(release.line(), "schema: unknown release.type '" + type + "'");
        b.modality(type);
        String arch = Nodes.text(release, "architecture", b);
        if (arch != null && !ARCHITECTURES.contains(arch.toLowerCase(Locale.ROOT))) {
            b.issue(release.line(), "schema: unknown release.architecture '" + arch + "'");
        }
        b.globalLicenses(globalLicenses(release, b));
        YamlNode components = release.get("components").orElse(null);
        if (components == null) {
            b.issue(release.line(), "schema: release.components is missing");
        } else if (!components.isList()) {
            b.issue(components.line(), "schema: release.components must be a list");
        } else {
            for (YamlNode c : components.list()) {
                component(c, b);
            }
        }
        return b.build();
    }

    private static GlobalLicenses globalLicenses(YamlNode release, ModelRelease.Builder b) {
        YamlNode lic = release.get("license").orElse(null);
        if (lic == null) {
            b.issue(release.line(), "schema: release.license is missing");
            return GlobalLicenses.NONE;
        }
        if (lic.isList() && lic.list().isEmpty()) return GlobalLicenses.NONE;
        if (!lic.isMap()) {
            b.issue(lic.line(), "schema: release.license must be a mapping of distribution/code/data/document");
            return GlobalLicenses.NONE;
        }
        return new GlobalLicenses(licenseName(lic, "distribution", b), licenseName(lic, "code", b),
                licenseName(lic, "data", b), licenseName(lic, "document", b));
    }

    private static String licenseName(YamlNode lic, String key, ModelRelease.Builder b) {
        YamlNode n = Nodes.map(lic, key, b);
        return n == null ? null : Nodes.text(n, "name", b);
    }

    private static void component(YamlNode c, ModelRelease.Builder b) {
        if (!c.isMap()) {
            b.issue(c.line(), "schema: a component must be a mapping with a name");
            return;
        }
        for (Map.Entry<String, YamlNode> e : c.entries().entrySet()) {
            if (!COMPONENT_KEYS.contains(e.getKey())) {
                b.issue(e.getValue().line(), "schema: unknown component key '" + e.getKey() + "'");
            }
        }
        String name = Nodes.text(c, "name", b);
        if (name == null) {
            b.issue(c.line(), "schema: component without a name; skipped");
            return;
        }
        var type = ComponentType.parse(name).filter(ComponentType::inMof);
        if (type.isEmpty()) {
            b.issue(c.line(), "unknown MOF component '" + name + "'; skipped");
            return;
        }
        String license = Nodes.text(c, "license", b);
        String location = Nodes.text(c, "component_path", b);
        // "Component not included" is how MOF records say a listed component is absent.
        Availability availability = notIncluded(license) ? Availability.ABSENT : Availability.DOWNLOADABLE;
        b.component(new Component(type.get(), availability, location, license, c.line()));
    }

    private static boolean notIncluded(String license) {
        if (license == null) return false;
        StringBuilder k = new StringBuilder();
        for (char ch : license.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch >= 'a' && ch <= 'z') k.append(ch);
        }
        String s = k.toString();
        return s.startsWith("componentnotinclud") || s.startsWith("componentcomponentnotinclud");
    }
}
