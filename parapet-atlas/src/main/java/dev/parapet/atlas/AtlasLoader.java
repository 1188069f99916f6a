package dev.parapet.atlas;

import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates the atlas: every entry has every field, stages, kinds, sides and modalities come from
 * the declared vocabularies, names are unique, links are https URLs, and a Parapet family is named only for
 * guard models. Errors name file, line and reason.
 */
public final class AtlasLoader {

    public static final String RESOURCE = "/dev/parapet/atlas/atlas.yaml";

    /** The guard-model families parapet-judge drives (its {@code GuardFamily} wire names). */
    public static final Set<String> PARAPET_FAMILIES = Set.of("llama-guard-3", "llama-guard-4", "shieldgemma",
            "granite-guardian", "wildguard", "qwen3guard", "gpt-oss-safeguard");

    private static final Set<String> SIDES = Set.of("input", "output");
    private static final Set<String> ENTRY_KEYS = Set.of("name", "stages", "kind", "licence", "open_weights",
            "modalities", "languages", "taxonomy", "side", "maintainer", "link", "parapet", "checked");

    private AtlasLoader() {
    }

    static Atlas builtIn() {
        InputStream in = AtlasLoader.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the atlas resource " + RESOURCE + " is missing from the classpath");
        }
        return parse(Yaml.parse("classpath:" + RESOURCE.substring(1), in));
    }

    /** Validates a parsed atlas document. */
    public static Atlas parse(YamlNode root) {
        root.onlyKeys(Set.of("stages", "kinds", "modalities", "languages", "open_licences", "entries"));
        List<String> stages = vocabulary(root, "stages");
        List<String> kinds = vocabulary(root, "kinds");
        List<String> modalities = vocabulary(root, "modalities");
        List<String> languages = vocabulary(root, "languages");
        Set<String> openLicences = new HashSet<>(vocabulary(root, "open_licences"));
        List<AtlasEntry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode n : root.require("entries").list()) {
            AtlasEntry e = entry(n, stages, kinds, modalities);
            if (!names.add(e.name().toLowerCase(Locale.ROOT))) {
                throw n.require("name").error("duplicate entry '" + e.name() + "'");
            }
            entries.add(e);
        }
        return new Atlas(stages, kinds, modalities, languages, openLicences, entries);
    }

    private static AtlasEntry entry(YamlNode n, List<String> stages, List<String> kinds, List<String> modalities) {
        n.onlyKeys(ENTRY_KEYS);
        String name = text(n, "name");
        String kind = oneOf(n.require("kind"), kinds, "kind");
        String link = text(n, "link");
        if (!link.startsWith("https://") || link.length() > 300 || link.chars().anyMatch(Character::isWhitespace)) {
            throw n.require("link").error("link of '" + name + "' must be an https URL without spaces");
        }
        Optional<String> parapet = n.get("parapet").map(p -> oneOf(p, List.copyOf(PARAPET_FAMILIES), "parapet family"));
        if (parapet.isPresent() && !kind.equals("guard_model")) {
            throw n.require("parapet").error("'" + name + "' is a " + kind + "; only guard models are driven as detectors");
        }
        boolean openWeights = n.require("open_weights").bool();
        return new AtlasEntry(name, list(n, "stages", stages), kind, text(n, "licence"), openWeights,
                list(n, "modalities", modalities), languages(n), text(n, "taxonomy"), list(n, "side", List.copyOf(SIDES)),
                text(n, "maintainer"), link, parapet, n.get("checked").map(YamlNode::string), n.line());
    }

    private static List<String> vocabulary(YamlNode root, String key) {
        List<String> v = root.require(key).list().stream().map(x -> x.string().strip()).toList();
        if (v.isEmpty() || new LinkedHashSet<>(v).size() != v.size()) {
            throw root.require(key).error(key + " must be a non-empty list without repeats");
        }
        return v;
    }

    private static String text(YamlNode n, String key) {
        YamlNode v = n.require(key);
        String s = v.string().strip();
        if (s.isEmpty()) {
            throw v.error(key + " is empty");
        }
        return s;
    }

    private static String oneOf(YamlNode v, List<String> allowed, String what) {
        String s = v.string().strip();
        if (!allowed.contains(s)) {
            throw v.error("unknown " + what + " '" + s + "' (expected one of: " + String.join(", ", allowed) + ")");
        }
        return s;
    }

    private static List<String> list(YamlNode n, String key, List<String> allowed) {
        YamlNode v = n.require(key);
        List<String> out = new ArrayList<>();
        for (YamlNode item : v.list()) {
            out.add(oneOf(item, allowed, key.equals("side") ? "side" : key.substring(0, key.length() - 1)));
        }
        if (out.isEmpty()) {
            throw v.error(key + " must not be empty");
        }
        return out;
    }

    private static List<String> languages(YamlNode n) {
        YamlNode v = n.require("languages");
        List<String> out = new ArrayList<>();
        for (YamlNode item : v.list()) {
            String tag = item.string().strip();
            boolean ok = tag.equals("any") || tag.length() >= 2 && tag.length() <= 12
                    && tag.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-');
            if (!ok) {
                throw item.error("'" + tag + "' is not a language tag (or 'any')");
            }
            out.add(tag);
        }
        if (out.isEmpty()) {
            throw v.error("languages must not be empty");
        }
        return out;
    }

    /** Parses and validates atlas text; {@code source} names it in errors. */
    public static Atlas parse(String source, String text) {
        return parse(Yaml.parse(source, text));
    }
}
