package dev.parapet.eval.dataset;

import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The datasets Parapet knows how to read, described in YAML ({@code datasets.yaml} on the classpath): where each
 * one's files are under the data root, how to read them, how labels map, languages, splits and licence class.
 * Immutable.
 */
public final class DatasetRegistry {

    private static final String RESOURCE = "/dev/parapet/eval/datasets.yaml";
    private static final Set<String> LICENCES = Set.of("train-ok", "eval-only");

    private final Map<String, DatasetSpec> datasets;

    public DatasetRegistry(Collection<DatasetSpec> datasets) {
        Map<String, DatasetSpec> m = new LinkedHashMap<>();
        for (DatasetSpec d : datasets) {
            if (m.put(d.name(), d) != null) {
                throw new IllegalArgumentException("two datasets are named " + d.name());
            }
        }
        this.datasets = java.util.Collections.unmodifiableMap(m);
    }

    /** The registry shipped with Parapet. */
    public static DatasetRegistry builtIn() {
        try (InputStream in = DatasetRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(Yaml.parse("datasets.yaml", in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a registry document; errors name the line. */
    public static DatasetRegistry read(YamlNode root) {
        root.onlyKeys(Set.of("datasets"));
        List<DatasetSpec> out = new ArrayList<>();
        for (YamlNode d : root.require("datasets").list()) {
            out.add(dataset(d));
        }
        try {
            return new DatasetRegistry(out);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage());
        }
    }

    /** The dataset of that name. */
    public DatasetSpec get(String name) {
        DatasetSpec d = datasets.get(name.trim());
        if (d == null) {
            throw new DatasetException("unknown dataset '" + name + "' (known: " + String.join(", ", datasets.keySet()) + ")");
        }
        return d;
    }

    public Optional<DatasetSpec> find(String name) {
        return Optional.ofNullable(datasets.get(name));
    }

    /** Every dataset, in registry order. */
    public List<DatasetSpec> all() {
        return List.copyOf(datasets.values());
    }

    private static DatasetSpec dataset(YamlNode d) {
        d.onlyKeys(Set.of("name", "title", "reference", "folder", "root", "licence", "splits", "target", "languages",
                "notes", "sources"));
        String root = d.string("root", "data");
        if (!root.equals("data") && !root.equals("project")) {
            throw d.require("root").error("root must be data (the data folder) or project (the project's checkout)");
        }
        String licence = licence(d.require("licence"));
        DatasetSpec.Splits splits = switch (d.require("splits").string()) {
            case "official" -> DatasetSpec.Splits.OFFICIAL;
            case "hash" -> DatasetSpec.Splits.HASH;
            case "none" -> DatasetSpec.Splits.NONE;
            default -> throw d.require("splits").error("splits must be official, hash or none");
        };
        YamlNode t = d.require("target");
        List<String> target = t.isList() ? t.list().stream().map(YamlNode::string).toList() : List.of(t.string());
        List<SourceSpec> sources = new ArrayList<>();
        for (YamlNode s : d.require("sources").list()) {
            SourceSpec src = source(s);
            if (splits == DatasetSpec.Splits.OFFICIAL && src.split().isEmpty()) {
                throw s.error("a dataset with official splits needs 'split' on every source");
            }
            if (splits != DatasetSpec.Splits.OFFICIAL && !src.split().isEmpty()) {
                throw s.error("'split' on a source needs 'splits: official' on the dataset");
            }
            sources.add(src);
        }
        if (sources.isEmpty()) {
            throw d.error("a dataset needs at least one source");
        }
        return new DatasetSpec(d.require("name").string(), d.require("title").string(), d.string("reference", ""),
                d.require("folder").string(), root.equals("project"), licence, splits, target, d.strings("languages"), d.string("notes", ""),
                sources);
    }

    private static String licence(YamlNode n) {
        String l = n.string();
        if (!LICENCES.contains(l)) {
            throw n.error("licence must be train-ok or eval-only");
        }
        return l;
    }

    private static SourceSpec source(YamlNode s) {
        s.onlyKeys(Set.of("files", "format", "records", "text", "texts", "label", "category", "canonical", "language",
                "split", "licence", "instructions"));
        YamlNode f = s.require("files");
        List<String> files = f.isList() ? f.list().stream().map(YamlNode::string).toList() : List.of(f.string());
        Optional<Format> format = s.get("format").map(n -> {
            try {
                return Format.parse(n.string());
            } catch (DatasetException e) {
                throw n.error(e.getMessage());
            }
        });
        Map<String, String> texts = stringMap(s.get("texts"));
        String text = s.string("text", "");
        if (text.isEmpty() == texts.isEmpty()) {
            throw s.error("give exactly one of 'text' (a field) or 'texts' (language: field)");
        }
        String licence = s.get("licence").map(DatasetRegistry::licence).orElse("");
        return new SourceSpec(files, format, s.strings("records"), text, texts, label(s.require("label")),
                value(s.get("category")), stringMap(s.get("canonical")), value(s.get("language")),
                s.string("split", ""), licence, s.string("instructions", ""));
    }

    private static LabelRule label(YamlNode n) {
        if (n.isScalar()) {
            return switch (n.string()) {
                case "positive" -> new LabelRule.Constant(true);
                case "negative" -> new LabelRule.Constant(false);
                default -> throw n.error("label must be positive, negative, or a mapping with 'field'");
            };
        }
        n.onlyKeys(Set.of("field", "positive", "negative", "at_least", "below", "safe"));
        String field = n.require("field").string();
        if (n.get("safe").isPresent()) {
            return new LabelRule.SafeCategories(field, new HashSet<>(n.strings("safe")));
        }
        if (n.get("at_least").isPresent()) {
            String below = n.string("below", "negative");
            if (!below.equals("negative") && !below.equals("exclude")) {
                throw n.require("below").error("below must be negative or exclude");
            }
            return new LabelRule.AtLeast(field, n.require("at_least").number(), below.equals("exclude"));
        }
        List<String> positive = n.strings("positive");
        if (positive.isEmpty()) {
            throw n.error("a label field needs 'positive' values or 'at_least'");
        }
        return new LabelRule.Values(field, new HashSet<>(positive), new HashSet<>(n.strings("negative")));
    }

    private static ValueRule value(Optional<YamlNode> node) {
        if (node.isEmpty()) {
            return ValueRule.NONE;
        }
        YamlNode n = node.get();
        if (n.isScalar()) {
            return new ValueRule.Fixed(n.string());
        }
        n.onlyKeys(Set.of("value", "field", "from", "map"));
        Map<String, String> map = stringMap(n.get("map"));
        if (n.get("value").isPresent()) return new ValueRule.Fixed(n.require("value").string());
        if (n.get("field").isPresent()) return new ValueRule.Field(n.require("field").string(), map);
        YamlNode from = n.require("from");
        return switch (from.string()) {
            case "file" -> new ValueRule.FromPath(false, map);
            case "folder" -> new ValueRule.FromPath(true, map);
            default -> throw from.error("from must be file or folder");
        };
    }

    private static Map<String, String> stringMap(Optional<YamlNode> node) {
        Map<String, String> m = new LinkedHashMap<>();
        node.ifPresent(n -> n.entries().forEach((k, v) -> m.put(k, v.string())));
        return m;
    }

}
