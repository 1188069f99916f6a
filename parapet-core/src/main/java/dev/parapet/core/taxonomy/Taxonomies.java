package dev.parapet.core.taxonomy;

import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical taxonomy and its crosswalks, loaded from YAML and validated: every external code maps to
 * canonical ids that exist or is declared unmapped with a reason, and every canonical id is reached by
 * some code or declared unmapped on purpose. Immutable.
 */
public final class Taxonomies {

    private static final String BASE = "/dev/parapet/core/taxonomy/";
    private static final Set<String> TAXONOMY_KEYS = Set.of("id", "name", "version", "aliases", "categories");
    private static final Set<String> CATEGORY_KEYS = Set.of("id", "name", "codes", "group", "description");
    private static final Set<String> CROSSWALK_KEYS = Set.of("id", "name", "aliases", "codes", "canonical_unmapped");
    private static final Set<String> CODE_KEYS = Set.of("code", "name", "maps_to", "relation", "unmapped");

    private final Taxonomy canonical;
    private final List<Crosswalk> crosswalks;

    public Taxonomies(Taxonomy canonical, List<Crosswalk> crosswalks) {
        this.canonical = canonical;
        this.crosswalks = List.copyOf(crosswalks);
    }

    /** The taxonomies shipped with Parapet. Loaded once per call; callers keep the instance. */
    public static Taxonomies builtIn() {
        Taxonomy canonical = readTaxonomy(Yaml.parse("taxonomy/canonical.yaml", resource("canonical.yaml")));
        YamlNode index = Yaml.parse("taxonomy/crosswalks/index.yaml", resource("crosswalks/index.yaml"));
        List<Crosswalk> crosswalks = new ArrayList<>();
        for (String name : index.strings("crosswalks")) {
            String file = "crosswalks/" + name + ".yaml";
            crosswalks.add(readCrosswalk(Yaml.parse("taxonomy/" + file, resource(file)), canonical));
        }
        return new Taxonomies(canonical, crosswalks);
    }

    private static InputStream resource(String name) {
        InputStream in = Taxonomies.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + BASE + name);
        }
        return in;
    }

    public Taxonomy canonical() {
        return canonical;
    }

    public List<Crosswalk> crosswalks() {
        return crosswalks;
    }

    public Optional<Crosswalk> crosswalk(String name) {
        return crosswalks.stream().filter(c -> c.answersTo(name)).findFirst();
    }

    /** Names accepted by {@link #map}: the canonical taxonomy's and each crosswalk's. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(canonical.id());
        crosswalks.forEach(c -> names.add(c.id()));
        return names;
    }

    /**
     * Maps every code of {@code from} to codes of {@code to}, through the canonical taxonomy.
     * Returns code → target codes, in the source's order; unmapped codes map to an empty list.
     *
     * @throws IllegalArgumentException when a name is unknown
     */
    public Map<String, List<String>> map(String from, String to) {
        boolean fromCanonical = canonical.answersTo(from);
        boolean toCanonical = canonical.answersTo(to);
        Crosswalk src = fromCanonical ? null : crosswalk(from).orElseThrow(() -> unknown(from));
        Crosswalk dst = toCanonical ? null : crosswalk(to).orElseThrow(() -> unknown(to));
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> codes = fromCanonical ? canonical.ids() : src.mappings().stream().map(Mapping::code).toList();
        for (String code : codes) {
            List<String> canon = fromCanonical ? List.of(code) : src.toCanonical(code);
            Set<String> target = new LinkedHashSet<>();
            for (String c : canon) {
                if (toCanonical) {
                    target.add(c);
                } else {
                    target.addAll(dst.fromCanonical(c));
                }
            }
            out.put(code, List.copyOf(target));
        }
        return out;
    }

    private IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown taxonomy '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    // ---- reading and validation ----

    static Taxonomy readTaxonomy(YamlNode root) {
        root.onlyKeys(TAXONOMY_KEYS);
        List<Category> cats = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (YamlNode n : root.require("categories").list()) {
            n.onlyKeys(CATEGORY_KEYS);
            String id = n.require("id").string();
            if (!id.matches("[a-z][a-z0-9_]*")) {
                throw n.error("category id '" + id + "' must be snake_case");
            }
            if (!ids.add(id)) {
                throw n.error("duplicate category id '" + id + "'");
            }
            List<String> own = n.strings("codes");
            for (String c : own) {
                if (!codes.add(c.toLowerCase(Locale.ROOT))) {
                    throw n.error("code '" + c + "' is used twice");
                }
            }
            cats.add(new Category(id, n.require("name").string(), n.string("description", ""),
                    n.string("group", ""), own));
        }
        if (cats.isEmpty()) {
            throw root.error("a taxonomy needs at least one category");
        }
        return new Taxonomy(root.require("id").string(), root.require("name").string(),
                root.string("version", ""), root.strings("aliases"), cats);
    }

    static Crosswalk readCrosswalk(YamlNode root, Taxonomy canonical) {
        root.onlyKeys(CROSSWALK_KEYS);
        List<Mapping> mappings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode n : root.require("codes").list()) {
            n.onlyKeys(CODE_KEYS);
            String code = n.require("code").string();
            if (!seen.add(code.toLowerCase(Locale.ROOT))) {
                throw n.error("duplicate code '" + code + "'");
            }
            List<String> to = n.strings("maps_to");
            Optional<String> unmapped = n.get("unmapped").map(YamlNode::string);
            if (to.isEmpty() && unmapped.isEmpty()) {
                throw n.error("code '" + code + "' maps nowhere: give maps_to, or unmapped with a reason");
            }
            if (!to.isEmpty() && unmapped.isPresent()) {
                throw n.error("code '" + code + "' has both maps_to and unmapped");
            }
            for (String c : to) {
                if (!canonical.contains(c)) {
                    throw n.error("code '" + code + "' maps to unknown canonical category '" + c + "'");
                }
            }
            Mapping.Relation rel;
            try {
                rel = Mapping.Relation.valueOf(n.string("relation", "exact").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw n.require("relation").error("relation must be exact, broader, narrower or partial");
            }
            mappings.add(new Mapping(code, n.string("name", code), to, rel, unmapped));
        }
        Map<String, String> canonUnmapped = new LinkedHashMap<>();
        root.get("canonical_unmapped").ifPresent(m -> m.entries().forEach((k, v) -> {
            if (!canonical.contains(k)) {
                throw v.error("canonical_unmapped names unknown category '" + k + "'");
            }
            if (v.isNull() || v.string().isBlank()) {
                throw v.error("canonical_unmapped '" + k + "' needs a reason");
            }
            canonUnmapped.put(k, v.string());
        }));
        Crosswalk cw = new Crosswalk(root.require("id").string(), root.string("name", root.require("id").string()),
                root.strings("aliases"), mappings, canonUnmapped);
        Set<String> covered = cw.coveredCanonical();
        for (String id : canonical.ids()) {
            boolean isCovered = covered.contains(id);
            boolean declared = canonUnmapped.containsKey(id);
            if (!isCovered && !declared) {
                throw root.error("canonical category '" + id + "' is neither mapped by any code of "
                        + cw.id() + " nor declared in canonical_unmapped");
            }
            if (isCovered && declared) {
                throw root.error("canonical category '" + id + "' is mapped by " + cw.fromCanonical(id)
                        + " but also declared unmapped");
            }
        }
        return cw;
    }

    /** Reads a user's own crosswalk file against the built-in canonical taxonomy. */
    public Crosswalk readCrosswalk(YamlNode root) {
        return readCrosswalk(root, canonical);
    }
}
