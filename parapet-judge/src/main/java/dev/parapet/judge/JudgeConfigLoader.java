package dev.parapet.judge;

import dev.parapet.core.io.Utf8;
import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.core.taxonomy.Taxonomy;
import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;
import dev.parapet.judge.model.GraniteGuardian;
import dev.parapet.judge.model.ShieldGemma;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads judge configurations from YAML and validates them; every error names the file, the line and the reason.
 * <pre>
 * judges:
 *   - id: llama-guard
 *     family: llama-guard-3          # llama-guard-3|4, shieldgemma, granite-guardian, wildguard, qwen3guard, gpt-oss-safeguard
 *     api: ollama                    # openai or ollama
 *     base_url: http://localhost:11434
 *     model: llama-guard3:8b
 *     timeout: 5s                    # one request; the pipeline's budget may cut it shorter
 *     retries: 1
 *     backoff: 100ms
 *     max_concurrent: 4
 *     cache: {size: 10000, ttl: 10m}
 *     circuit_breaker: {failures: 5, open_for: 30s}
 *     band: {low: 0.3, high: 0.8}    # the ensemble's uncertainty band
 * </pre>
 * Family options: {@code policies} (ShieldGemma principles, Granite Guardian risks), {@code categories} (canonical
 * categories to report; gpt-oss-safeguard's policy categories), {@code policy_file} (gpt-oss-safeguard, relative to
 * the configuration file), {@code controversial_score} (Qwen3Guard), {@code max_tokens}.
 */
public final class JudgeConfigLoader {

    private static final Set<String> ROOT_KEYS = Set.of("judges");
    private static final Set<String> KEYS = Set.of("id", "family", "api", "base_url", "model", "timeout",
            "connect_timeout", "retries", "backoff", "max_concurrent", "cache", "circuit_breaker", "band", "policies",
            "categories", "policy_file", "controversial_score", "max_tokens");
    private static final int MAX_POLICY_BYTES = 256 * 1024;

    private final Taxonomies taxonomies;
    private final Taxonomy canonical;

    public JudgeConfigLoader() {
        this(Taxonomies.builtIn());
    }

    /** A loader that checks categories against these taxonomies (the built-in ones, or with a user's crosswalks). */
    public JudgeConfigLoader(Taxonomies taxonomies) {
        this.taxonomies = taxonomies;
        this.canonical = taxonomies.canonical();
    }

    /** Reads a file; {@code policy_file} paths are resolved against its folder. */
    public List<JudgeConfig> load(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return read(Yaml.parse(file), dir);
    }

    /** Reads YAML text; {@code policy_file} paths are resolved against {@code dir}. */
    public List<JudgeConfig> load(String source, String yaml, Path dir) {
        return read(Yaml.parse(source, yaml), dir);
    }

    private List<JudgeConfig> read(YamlNode root, Path dir) {
        root.onlyKeys(ROOT_KEYS);
        List<YamlNode> nodes = root.require("judges").list();
        if (nodes.isEmpty()) {
            throw root.require("judges").error("'judges' lists no judge");
        }
        List<JudgeConfig> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode n : nodes) {
            JudgeConfig c = judge(n, dir);
            if (!ids.add(c.id())) {
                throw n.require("id").error("duplicate judge id '" + c.id() + "'");
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    private JudgeConfig judge(YamlNode n, Path dir) {
        n.onlyKeys(KEYS);
        String id = n.require("id").string().strip();
        if (id.isEmpty() || !id.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '.')) {
            throw n.require("id").error("judge id '" + id + "' may only have letters, digits, '-', '_' and '.'");
        }
        GuardFamily family = parse(n.require("family"), GuardFamily::parse);
        ApiStyle api = n.get("api").map(v -> parse(v, ApiStyle::parse)).orElse(ApiStyle.OPENAI);
        URI base = url(n.require("base_url"));
        String model = n.require("model").string().strip();
        if (model.isEmpty()) {
            throw n.require("model").error("model is empty");
        }
        JudgeConfig d = JudgeConfig.defaults(id, family, base, model, api);

        Duration timeout = n.get("timeout").map(JudgeConfigLoader::duration).orElse(d.requestTimeout());
        Duration connect = n.get("connect_timeout").map(JudgeConfigLoader::duration).orElse(d.connectTimeout());
        int retries = n.get("retries").map(v -> bounded(v, 0, 10)).orElse(d.retries());
        Duration backoff = n.get("backoff").map(JudgeConfigLoader::duration).orElse(d.backoff());
        int maxConcurrent = n.get("max_concurrent").map(v -> bounded(v, 1, 1024)).orElse(d.maxConcurrent());

        long cacheSize = d.cacheSize();
        Duration ttl = d.cacheTtl();
        Optional<YamlNode> cache = n.get("cache");
        if (cache.isPresent()) {
            YamlNode c = cache.get().onlyKeys(Set.of("size", "ttl"));
            cacheSize = c.get("size").map(v -> bounded(v, 0, 10_000_000)).orElse((int) cacheSize);
            ttl = c.get("ttl").map(JudgeConfigLoader::duration).orElse(ttl);
        }
        int breakerFailures = d.breakerFailures();
        Duration openFor = d.breakerOpenFor();
        Optional<YamlNode> breaker = n.get("circuit_breaker");
        if (breaker.isPresent()) {
            YamlNode b = breaker.get().onlyKeys(Set.of("failures", "open_for"));
            breakerFailures = b.get("failures").map(v -> bounded(v, 1, 1000)).orElse(breakerFailures);
            openFor = b.get("open_for").map(JudgeConfigLoader::duration).orElse(openFor);
        }
        Band band = d.band();
        Optional<YamlNode> bandNode = n.get("band");
        if (bandNode.isPresent()) {
            YamlNode b = bandNode.get().onlyKeys(Set.of("low", "high"));
            double low = b.get("low").map(YamlNode::number).orElse(band.low());
            double high = b.get("high").map(YamlNode::number).orElse(band.high());
            if (!(low >= 0 && low <= high && high <= 1)) {
                throw b.error("band needs 0 <= low <= high <= 1, was low " + low + ", high " + high);
            }
            band = new Band(low, high);
        }

        List<String> policies = List.of();
        Optional<YamlNode> policiesNode = n.get("policies");
        if (policiesNode.isPresent()) {
            YamlNode p = policiesNode.get();
            Set<String> known = switch (family) {
                case SHIELDGEMMA -> ShieldGemma.PRINCIPLES.keySet();
                case GRANITE_GUARDIAN -> GraniteGuardian.RISKS.keySet();
                default -> throw p.error("'policies' applies to shieldgemma and granite-guardian, not " + family.wireName());
            };
            policies = distinct(p, known, family.wireName() + (family == GuardFamily.SHIELDGEMMA ? " policy" : " risk"));
        }
        List<String> categories = List.of();
        Optional<YamlNode> categoriesNode = n.get("categories");
        if (categoriesNode.isPresent()) {
            categories = distinct(categoriesNode.get(), Set.copyOf(canonical.ids()), "canonical category");
        }
        Optional<String> ownPolicy = Optional.empty();
        Optional<YamlNode> policyFile = n.get("policy_file");
        if (policyFile.isPresent()) {
            if (family != GuardFamily.GPT_OSS_SAFEGUARD) {
                throw policyFile.get().error("'policy_file' applies to gpt-oss-safeguard, not " + family.wireName());
            }
            ownPolicy = Optional.of(readPolicy(policyFile.get(), dir));
        }
        double controversial = d.controversialScore();
        Optional<YamlNode> cs = n.get("controversial_score");
        if (cs.isPresent()) {
            if (family != GuardFamily.QWEN3GUARD) {
                throw cs.get().error("'controversial_score' applies to qwen3guard, not " + family.wireName());
            }
            controversial = cs.get().number();
            if (controversial < 0 || controversial > 1) {
                throw cs.get().error("controversial_score must be in 0..1, was " + controversial);
            }
        }
        int maxTokens = n.get("max_tokens").map(v -> bounded(v, 1, 32_768)).orElse(d.maxTokens());

        JudgeConfig config = new JudgeConfig(id, family, base, model, api, timeout, connect, retries, backoff,
                maxConcurrent, cacheSize, ttl, breakerFailures, openFor, band, policies, categories, ownPolicy,
                controversial, maxTokens);
        if (Judges.reported(config, taxonomies).isEmpty()) {
            YamlNode at = categoriesNode.orElse(n);
            throw at.error("judge '" + id + "' would report nothing: " + family.wireName()
                    + (policies.isEmpty() ? "" : " with policies " + policies) + " covers "
                    + String.join(", ", Judges.reported(config.withCategories(List.of()), taxonomies)));
        }
        return config;
    }

    private static <T> T parse(YamlNode node, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(node.string());
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static URI url(YamlNode node) {
        String s = node.string().strip();
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw node.error("base_url must be an http or https URL with a host, was '" + s + "'");
            }
            if (u.getQuery() != null || u.getFragment() != null) {
                throw node.error("base_url must not have a query or fragment");
            }
            return u;
        } catch (URISyntaxException e) {
            throw node.error("base_url is not a URL: " + e.getReason());
        }
    }

    private static int bounded(YamlNode node, int min, int max) {
        int v = node.integer();
        if (v < min || v > max) {
            throw node.error("expected a whole number from " + min + " to " + max + ", was " + v);
        }
        return v;
    }

    private static List<String> distinct(YamlNode list, Set<String> known, String what) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : list.list()) {
            String v = item.string().strip();
            if (!known.contains(v)) {
                throw item.error("unknown " + what + " '" + v + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
            if (out.contains(v)) {
                throw item.error(what + " '" + v + "' is listed twice");
            }
            out.add(v);
        }
        if (out.isEmpty()) {
            throw list.error("the list is empty");
        }
        return List.copyOf(out);
    }

    private static String readPolicy(YamlNode node, Path dir) {
        String name = node.string().strip();
        Path file = dir == null ? Path.of(name) : dir.resolve(name);
        try {
            if (!Files.isRegularFile(file)) {
                throw node.error("policy_file '" + name + "' does not exist");
            }
            if (Files.size(file) > MAX_POLICY_BYTES) {
                throw node.error("policy_file '" + name + "' is larger than " + MAX_POLICY_BYTES + " bytes");
            }
            String text = Utf8.strict(Files.readAllBytes(file));
            if (text.isBlank()) {
                throw node.error("policy_file '" + name + "' is empty");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw node.error("policy_file '" + name + "' is not valid UTF-8");
        } catch (IOException e) {
            throw node.error("policy_file '" + name + "' cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** {@code 250ms}, {@code 5s}, {@code 2m}: a positive whole number and a unit. */
    static Duration duration(YamlNode node) {
        String s = node.string().strip();
        int i = 0;
        while (i < s.length() && i < 10 && Character.isDigit(s.charAt(i))) {
            i++;
        }
        String unit = s.substring(i);
        if (i == 0 || i > 9) {
            throw node.error("expected a duration like 250ms, 5s or 2m, was '" + s + "'");
        }
        long v = Long.parseLong(s.substring(0, i));
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(v);
            case "s" -> Duration.ofSeconds(v);
            case "m" -> Duration.ofMinutes(v);
            case "h" -> Duration.ofHours(v);
            default -> throw node.error("unknown duration unit '" + unit + "' in '" + s + "' (use ms, s, m or h)");
        };
        if (d.isZero()) {
            throw node.error("a duration must be positive, was '" + s + "'");
        }
        return d;
    }

}
