package dev.parapet.packs;

import dev.parapet.core.hash.Sha256;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlException;
import dev.parapet.core.yaml.YamlNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a policy pack. Every problem is a {@link YamlException} naming file, line and reason:
 * missing definition, a category without positive or negative examples, duplicate category ids, an example
 * labelled both ways, an action that contradicts having the category at all ({@code allow}).
 *
 * <pre>
 * pack: children-education          # id: lowercase letters, digits, '-' and '_'
 * name: Children's education platform
 * version: 1.0.0
 * description: ...
 * languages: [en]
 * categories:
 *   - id: off_platform_contact
 *     definition: ...
 *     in_scope: [...]
 *     out_of_scope: [...]
 *     severity: high                  # low | medium | high | critical
 *     languages: [en]                 # defaults to the pack's
 *     action: block                   # flag | redact | block
 *     examples:
 *       positive: ["...", ...]        # at least 2
 *       negative: ["...", ...]        # at least 2
 * </pre>
 */
public final class PackLoader {

    /** Leave-one-out calibration needs at least two examples on each side. */
    public static final int MIN_EXAMPLES_PER_SIDE = 2;
    public static final int MAX_CATEGORIES = 200;
    public static final int MAX_EXAMPLES = 20_000;
    public static final int MAX_ID_LENGTH = 64;

    private static final Set<String> PACK_KEYS = Set.of("pack", "name", "version", "description", "languages",
            "categories");
    private static final Set<String> CATEGORY_KEYS = Set.of("id", "definition", "in_scope", "out_of_scope",
            "severity", "languages", "action", "examples");

    private PackLoader() {
    }

    /** Reads a pack file. */
    public static PolicyPack load(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > Yaml.MAX_CODE_POINTS) {
                throw new YamlException(file.toString(), 0, 0, "pack file is too large (" + Files.size(file) + " bytes)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new YamlException(file.toString(), 0, 0, "cannot read the pack: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return parse(file.toString(), bytes);
    }

    /** Reads a pack from its bytes; {@code source} names it in errors. */
    public static PolicyPack parse(String source, byte[] bytes) {
        YamlNode root = Yaml.parse(source, new java.io.ByteArrayInputStream(bytes));
        root.onlyKeys(PACK_KEYS);
        String id = id(root.require("pack"), true);
        String version = nonBlank(root.require("version"), "version");
        String name = root.string("name", id);
        String description = root.string("description", "");
        List<String> languages = languages(root, List.of());
        YamlNode catsNode = root.require("categories");
        List<YamlNode> cats = catsNode.list();
        if (cats.isEmpty()) {
            throw catsNode.error("a pack needs at least one category");
        }
        if (cats.size() > MAX_CATEGORIES) {
            throw catsNode.error("too many categories (" + cats.size() + ", at most " + MAX_CATEGORIES + ")");
        }
        List<PackCategory> categories = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int examples = 0;
        for (YamlNode c : cats) {
            PackCategory category = category(c, languages);
            if (!ids.add(category.id())) {
                throw c.require("id").error("duplicate category id '" + category.id() + "'");
            }
            examples += category.examples().size();
            if (examples > MAX_EXAMPLES) {
                throw c.error("too many examples in the pack (at most " + MAX_EXAMPLES + ")");
            }
            categories.add(category);
        }
        return new PolicyPack(id, name, version, description, languages, categories, source, Sha256.hex(bytes));
    }

    private static PackCategory category(YamlNode c, List<String> packLanguages) {
        c.onlyKeys(CATEGORY_KEYS);
        String id = id(c.require("id"), false);
        YamlNode def = c.get("definition").orElseThrow(() -> c.error("category '" + id + "' has no definition"));
        String definition = def.string().strip();
        if (definition.isEmpty()) {
            throw def.error("category '" + id + "' has an empty definition");
        }
        Severity severity = severity(c.require("severity"));
        Action action = action(c.require("action"), id);
        YamlNode ex = c.get("examples").orElseThrow(() -> c.error("category '" + id + "' has no examples"));
        ex.onlyKeys(Set.of("positive", "negative"));
        List<Example> examples = new ArrayList<>();
        Map<String, Example> seen = new HashMap<>();
        for (String side : List.of("positive", "negative")) {
            boolean positive = side.equals("positive");
            List<YamlNode> items = ex.get(side).map(YamlNode::list).orElse(List.of());
            if (items.size() < MIN_EXAMPLES_PER_SIDE) {
                throw ex.error("category '" + id + "' has " + items.size() + " " + side + " example"
                        + (items.size() == 1 ? "" : "s") + "; it needs at least " + MIN_EXAMPLES_PER_SIDE);
            }
            for (YamlNode item : items) {
                String text = item.string().strip();
                if (text.isEmpty()) {
                    throw item.error("empty example in category '" + id + "'");
                }
                Example e = new Example(text, positive, item.line());
                Example before = seen.putIfAbsent(key(text), e);
                if (before != null) {
                    throw item.error(before.positive() == positive
                            ? "duplicate example in category '" + id + "' (first at line " + before.line() + ")"
                            : "contradictory labels: this example is also a " + (before.positive() ? "positive" : "negative")
                            + " example of category '" + id + "' at line " + before.line());
                }
                examples.add(e);
            }
        }
        return new PackCategory(id, definition, strings(c, "in_scope"), strings(c, "out_of_scope"), severity,
                languages(c, packLanguages), action, examples, c.line());
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static List<String> strings(YamlNode n, String key) {
        return n.get(key).map(v -> v.list().stream().map(s -> s.string().strip()).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private static List<String> languages(YamlNode n, List<String> fallback) {
        if (n.get("languages").isEmpty()) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode l : n.require("languages").list()) {
            String tag = l.string().strip();
            if (!isLanguageTag(tag)) {
                throw l.error("'" + tag + "' is not a language tag (e.g. en, de, es-MX)");
            }
            out.add(tag);
        }
        return out;
    }

    private static boolean isLanguageTag(String tag) {
        if (tag.length() < 2 || tag.length() > 35) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            char ch = tag.charAt(i);
            if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-')) {
                return false;
            }
        }
        return true;
    }

    private static Severity severity(YamlNode n) {
        String v = n.string().strip().toUpperCase(Locale.ROOT);
        for (Severity s : Severity.values()) {
            if (s.name().equals(v)) {
                return s;
            }
        }
        throw n.error("unknown severity '" + n.string() + "' (expected low, medium, high or critical)");
    }

    private static Action action(YamlNode n, String id) {
        Action a;
        try {
            a = Action.parse(n.string());
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
        if (a == Action.ALLOW) {
            throw n.error("contradictory action: category '" + id + "' is defined as something to act on but its "
                    + "action is allow (use flag to only record it, or remove the category)");
        }
        return a;
    }

    private static String nonBlank(YamlNode n, String what) {
        String v = n.string().strip();
        if (v.isEmpty()) {
            throw n.error(what + " is empty");
        }
        return v;
    }

    /** Category ids: {@code [a-z][a-z0-9_]*}; pack ids also allow '-'. */
    private static String id(YamlNode n, boolean dashes) {
        String v = n.string().strip();
        boolean ok = !v.isEmpty() && v.length() <= MAX_ID_LENGTH && v.charAt(0) >= 'a' && v.charAt(0) <= 'z';
        for (int i = 0; ok && i < v.length(); i++) {
            char ch = v.charAt(i);
            ok = ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_' || dashes && ch == '-';
        }
        if (!ok) {
            throw n.error("'" + (v.length() > 80 ? v.substring(0, 80) + "…" : v) + "' is not a valid id (a lowercase letter, then "
                    + "lowercase letters, digits or '_'" + (dashes ? " or '-'" : "") + "; at most " + MAX_ID_LENGTH + ")");
        }
        return v;
    }
}
