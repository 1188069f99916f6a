package dev.parapet.detect.lexicon;

import dev.parapet.core.io.Utf8;
import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlException;
import dev.parapet.core.yaml.YamlNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads lexicons, validating every row: a mistake is reported with file, line and reason.
 *
 * <p>TSV, one entry a line, {@code #} starts a comment line:
 * <pre>
 * # term    category    severity  lang
 * fuck*     profanity   2         en
 * cocktail  allow
 * </pre>
 * A {@code *} at the end of a term lets it take endings ({@code prefix}), at the start lets it end a
 * compound ({@code suffix}); {@code allow} rows list harmless words that contain a term.
 *
 * <p>YAML:
 * <pre>
 * language: en                       # default for entries without lang
 * terms:
 *   - {term: fuck, category: profanity, severity: 2, boundary: prefix}
 * allow: [cocktail, scunthorpe]
 * </pre>
 *
 * <p>The lexicons shipped with Parapet are classpath resources listed in an index; see {@link #shipped()}.
 */
public final class LexiconLoader {

    /** The category name that marks an allow-list row. */
    public static final String ALLOW = "allow";

    private static final String BASE = "/dev/parapet/detect/lexicon/";
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}");
    private static final Set<String> YAML_KEYS = Set.of("language", "terms", "allow");
    private static final Set<String> YAML_TERM_KEYS = Set.of("term", "category", "severity", "lang", "boundary");

    private final Set<String> categories;

    /** A loader that accepts terms of the given category ids. */
    public LexiconLoader(Set<String> categories) {
        this.categories = Set.copyOf(categories);
    }

    /** A loader that accepts the canonical taxonomy's category ids. */
    public static LexiconLoader canonical() {
        return new LexiconLoader(Set.copyOf(Taxonomies.builtIn().canonical().ids()));
    }

    /** The lexicons shipped with Parapet, all languages together. */
    public static Lexicon shipped() {
        LexiconLoader loader = canonical();
        Lexicon all = new Lexicon(List.of(), List.of());
        for (String name : shippedNames()) {
            String file = name + ".tsv";
            all = all.plus(loader.readTsv("lexicon/" + file, resource(file)));
        }
        return all;
    }

    /** Names of the shipped lexicon files, from the index. */
    public static List<String> shippedNames() {
        String index = "index.yaml";
        try {
            return Yaml.parse("lexicon/" + index, resourceStream(index)).strings("lexicons");
        } catch (YamlException e) {
            throw new LexiconException(e.source(), e.line(), e.reason());
        }
    }

    private static String resource(String name) {
        try (InputStream in = resourceStream(name)) {
            return decode(BASE + name, in.readAllBytes());
        } catch (IOException e) {
            throw new LexiconException(BASE + name, 0, "cannot read: " + e.getMessage());
        }
    }

    private static InputStream resourceStream(String name) {
        InputStream in = LexiconLoader.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + BASE + name);
        }
        return in;
    }

    /** Reads a lexicon file: {@code .tsv}, or {@code .yaml}/{@code .yml}. */
    public Lexicon load(Path file) {
        String name = file.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
        if (!yaml && !lower.endsWith(".tsv")) {
            throw new LexiconException(name, 0, "unknown lexicon format: use .tsv, .yaml or .yml");
        }
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new LexiconException(name, 0, "file is too large (" + Files.size(file) + " bytes)");
            }
            text = decode(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new LexiconException(name, 0, "cannot read: " + e.getMessage());
        }
        return yaml ? readYaml(name, text) : readTsv(name, text);
    }

    private static String decode(String source, byte[] bytes) {
        try {
            return Utf8.strict(bytes);
        } catch (CharacterCodingException e) {
            throw new LexiconException(source, 0, "not valid UTF-8");
        }
    }

    /** Reads TSV text; {@code source} names it in errors. */
    public Lexicon readTsv(String source, String text) {
        Rows rows = new Rows(source);
        int lineNo = 0;
        int from = 0;
        while (from <= text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl;
            lineNo++;
            String line = text.substring(from, to);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            from = to + 1;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            for (int i = 0; i < cols.length; i++) {
                cols[i] = cols[i].strip();
            }
            if (cols.length >= 2 && cols[1].equals(ALLOW)) {
                if (cols.length != 2 && !(cols.length == 4 && cols[2].equals("-"))) {
                    throw new LexiconException(source, lineNo,
                            "an allow row is 'word<TAB>allow' (or 'word<TAB>allow<TAB>-<TAB>lang')");
                }
                if (cols.length == 4) {
                    language(source, lineNo, cols[3]);
                }
                rows.allow(cols[0], lineNo);
                continue;
            }
            if (cols.length != 4) {
                throw new LexiconException(source, lineNo, "expected 4 tab-separated columns "
                        + "(term, category, severity, lang), found " + cols.length);
            }
            rows.term(cols[0], cols[1], severity(source, lineNo, cols[2]), language(source, lineNo, cols[3]), null,
                    lineNo);
        }
        return rows.lexicon();
    }

    /** Reads YAML text; {@code source} names it in errors. */
    public Lexicon readYaml(String source, String text) {
        try {
            YamlNode root = Yaml.parse(source, text).onlyKeys(YAML_KEYS);
            String defaultLanguage = root.get("language").map(n -> language(source, n.line(), n.string()))
                    .orElse(null);
            Rows rows = new Rows(source);
            for (YamlNode n : root.get("terms").map(YamlNode::list).orElse(List.of())) {
                n.onlyKeys(YAML_TERM_KEYS);
                String lang = n.get("lang").map(YamlNode::string).orElse(defaultLanguage);
                if (lang == null) {
                    throw n.error("missing 'lang' (or give 'language' for the whole file)");
                }
                Term.Boundary boundary = null;
                if (n.get("boundary").isPresent()) {
                    YamlNode b = n.require("boundary");
                    try {
                        boundary = Term.Boundary.valueOf(b.string().trim().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw b.error("boundary must be word, prefix, suffix or anywhere");
                    }
                }
                rows.term(n.require("term").string(), n.require("category").string().trim(),
                        severity(source, n.line(), n.require("severity").string().trim()),
                        language(source, n.line(), lang.trim()), boundary, n.line());
            }
            for (YamlNode a : root.get("allow").map(YamlNode::list).orElse(List.of())) {
                rows.allow(a.string(), a.line());
            }
            return rows.lexicon();
        } catch (YamlException e) {
            throw new LexiconException(e.source(), e.line(), e.reason());
        }
    }

    private static int severity(String source, int line, String s) {
        return switch (s) {
            case "1" -> 1;
            case "2" -> 2;
            case "3" -> 3;
            default -> throw new LexiconException(source, line, "severity must be 1, 2 or 3, found '" + s + "'");
        };
    }

    private static String language(String source, int line, String s) {
        if (!LANGUAGE.matcher(s).matches()) {
            throw new LexiconException(source, line, "language must be a tag like en, pt-BR or hi-Latn, found '"
                    + s + "'");
        }
        return s;
    }

    /** Collects one file's rows, checking each. */
    private final class Rows {
        private final String source;
        private final List<Term> terms = new ArrayList<>();
        private final List<String> allowed = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();

        Rows(String source) {
            this.source = source;
        }

        void term(String raw, String category, int severity, String language, Term.Boundary explicit, int line) {
            String text = raw.strip();
            boolean atStart = !text.startsWith("*");
            boolean atEnd = !(text.endsWith("*") && text.length() > 1);
            text = text.substring(atStart ? 0 : 1, text.length() - (atEnd ? 0 : 1)).strip();
            if (text.isEmpty()) {
                throw new LexiconException(source, line, "empty term");
            }
            if (text.indexOf('*') >= 0) {
                throw new LexiconException(source, line,
                        "'*' may only start or end a term (masked spellings such as f*ck are matched by themselves)");
            }
            if (text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0) {
                throw new LexiconException(source, line, "a term cannot contain tabs or line breaks");
            }
            if (!categories.contains(category)) {
                throw new LexiconException(source, line, "unknown category '" + category + "' (known: "
                        + String.join(", ", new TreeSet<>(categories)) + ", or " + ALLOW + ")");
            }
            Term.Boundary boundary = explicit != null ? explicit : Term.Boundary.of(atStart, atEnd);
            Integer previous = seen.putIfAbsent(category + '\u0000' + boundary + '\u0000' + text, line);
            if (previous != null) {
                throw new LexiconException(source, line, "duplicate of line " + previous);
            }
            terms.add(new Term(text, language, category, severity, boundary, source + ":" + line));
        }

        void allow(String raw, int line) {
            String text = raw.strip();
            if (text.isEmpty()) {
                throw new LexiconException(source, line, "empty allowed word");
            }
            allowed.add(text);
        }

        Lexicon lexicon() {
            return new Lexicon(terms, allowed);
        }
    }
}
