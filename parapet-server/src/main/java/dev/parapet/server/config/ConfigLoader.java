package dev.parapet.server.config;

import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlException;
import dev.parapet.core.yaml.YamlNode;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the gateway configuration in three layers: the built-in {@code gateway.yaml}, then the user's
 * file (only the keys it names), then environment variables. Every value is validated; a mistake names
 * its file and line or its environment variable.
 */
public final class ConfigLoader {

    /** The built-in configuration, on the classpath. */
    public static final String DEFAULT_RESOURCE = "/dev/parapet/server/gateway.yaml";

    /** Each single-valued key and the environment variable that overrides it. */
    public static final Map<String, String> ENVIRONMENT = environment();

    private static final String REFUSALS = "chat.refusals";
    private static final String KEYS = "auth.keys";
    private static final Set<String> KEY_FIELDS = Set.of("id", "hash", "policy", "requests_per_minute", "reviewer");

    private record Value(String text, String origin) {
    }

    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, YamlNode> structured = new LinkedHashMap<>();

    private ConfigLoader() {
    }

    /** The built-in configuration with environment overrides. */
    public static GatewayConfig load(Map<String, String> env) {
        return load(Optional.empty(), env);
    }

    /** The built-in configuration, overridden by {@code file} when given, then by {@code env}. */
    public static GatewayConfig load(Optional<Path> file, Map<String, String> env) {
        ConfigLoader l = new ConfigLoader();
        InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
        }
        l.read(Yaml.parse("gateway.yaml (built in)", in));
        if (file.isPresent()) {
            Path f = file.get();
            if (!Files.isRegularFile(f)) {
                throw new ConfigException(f + ": no such configuration file");
            }
            try {
                l.read(Yaml.parse(f));
            } catch (YamlException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        for (Map.Entry<String, String> e : ENVIRONMENT.entrySet()) {
            String v = env.get(e.getValue());
            if (v != null) {
                l.values.put(e.getKey(), new Value(v.trim(), "environment variable " + e.getValue()));
            }
        }
        return l.build();
    }

    private void read(YamlNode root) {
        try {
            for (Map.Entry<String, YamlNode> section : root.entries().entrySet()) {
                YamlNode body = section.getValue();
                if (body.isNull()) {
                    continue;
                }
                for (Map.Entry<String, YamlNode> e : body.entries().entrySet()) {
                    String path = section.getKey() + "." + e.getKey();
                    YamlNode n = e.getValue();
                    if (path.equals(REFUSALS) || path.equals(KEYS)) {
                        structured.put(path, n);
                    } else if (ENVIRONMENT.containsKey(path)) {
                        if (!n.isNull() && !n.isScalar()) {
                            throw n.error("'" + path + "' takes a single value");
                        }
                        values.put(path, new Value(n.isNull() ? "" : n.string().trim(), n.source() + ":" + n.line()));
                    } else {
                        throw n.error("unknown key '" + path + "' (see docs/GATEWAY.md for the keys)");
                    }
                }
            }
        } catch (YamlException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private GatewayConfig build() {
        GatewayConfig.Server server = new GatewayConfig.Server(
                string("server.host"),
                integer("server.port", 0, 65535),
                integer("server.max_request_bytes", 1024, Integer.MAX_VALUE),
                millis("server.idle_timeout_ms"),
                millis("server.shutdown_grace_ms"),
                integer("server.max_connections", 1, 1_000_000));
        String policy = string("policy.file");
        GatewayConfig.Chat chat = new GatewayConfig.Chat(
                url("chat.upstream_url"),
                string("chat.upstream_api_key"),
                millis("chat.connect_timeout_ms"),
                millis("chat.upstream_timeout_ms"),
                onBlock("chat.on_input_block"),
                integer("chat.holdback_chars", 0, 1_000_000),
                refusals());
        GatewayConfig.Audit audit = new GatewayConfig.Audit(
                databaseUrl("audit.database_url"),
                string("audit.database_user"),
                string("audit.database_password"),
                bool("audit.store_text"));
        GatewayConfig.Auth auth = new GatewayConfig.Auth(
                bool("auth.required"),
                integer("auth.requests_per_minute", 0, 10_000_000),
                keys());
        if (auth.required() && auth.keys().isEmpty()) {
            throw new ConfigException(values.get("auth.required").origin()
                    + ": auth.required is true but auth.keys lists no key");
        }
        String toolPolicy = string("agent_guard.policy");
        GatewayConfig.AgentGuard agent = new GatewayConfig.AgentGuard(
                toolPolicy.isEmpty() ? Optional.empty() : Optional.of(Path.of(toolPolicy)),
                onBlock("agent_guard.on_block"));
        return new GatewayConfig(server, policy.isEmpty() ? Optional.empty() : Optional.of(Path.of(policy)),
                pipeline("pipeline.detectors"), path("pipeline.judges"), string("moderation.model"), chat, audit, bool("failure.fail_open"), auth, agent);
    }

    private Value value(String path) {
        Value v = values.get(path);
        if (v == null) {
            throw new IllegalStateException("built-in configuration lacks " + path);
        }
        return v;
    }

    private String string(String path) {
        return value(path).text();
    }

    private int integer(String path, int min, int max) {
        Value v = value(path);
        long n;
        try {
            n = Long.parseLong(v.text().replace("_", ""));
        } catch (NumberFormatException e) {
            throw bad(path, v, "expected a whole number, found '" + v.text() + "'");
        }
        if (n < min || n > max) {
            throw bad(path, v, "must be between " + min + " and " + max + ", was " + n);
        }
        return (int) n;
    }

    private Duration millis(String path) {
        return Duration.ofMillis(integer(path, 1, Integer.MAX_VALUE));
    }

    private boolean bool(String path) {
        Value v = value(path);
        return switch (v.text().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0", "" -> false;
            default -> throw bad(path, v, "expected true or false, found '" + v.text() + "'");
        };
    }

    private GatewayConfig.OnBlock onBlock(String path) {
        Value v = value(path);
        return switch (v.text().toLowerCase(Locale.ROOT)) {
            case "refusal" -> GatewayConfig.OnBlock.REFUSAL;
            case "error" -> GatewayConfig.OnBlock.ERROR;
            default -> throw bad(path, v, "expected refusal or error, found '" + v.text() + "'");
        };
    }

    private Optional<Path> path(String path) {
        String v = string(path);
        return v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v));
    }

    private GatewayConfig.Pipeline pipeline(String path) {
        Value v = value(path);
        return switch (v.text().toLowerCase(Locale.ROOT)) {
            case "default" -> GatewayConfig.Pipeline.DEFAULT;
            case "rules" -> GatewayConfig.Pipeline.RULES;
            default -> throw bad(path, v, "expected default or rules, found '" + v.text() + "'");
        };
    }

    private URI url(String path) {
        Value v = value(path);
        try {
            URI u = new URI(v.text().endsWith("/") ? v.text().substring(0, v.text().length() - 1) : v.text());
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw bad(path, v, "expected an http:// or https:// URL, found '" + v.text() + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw bad(path, v, "not a URL: '" + v.text() + "'");
        }
    }

    private String databaseUrl(String path) {
        Value v = value(path);
        if (!v.text().startsWith("jdbc:sqlite:") && !v.text().startsWith("jdbc:postgresql:")) {
            throw bad(path, v, "expected a jdbc:sqlite: or jdbc:postgresql: URL");
        }
        return v.text();
    }

    private Map<String, String> refusals() {
        Map<String, String> out = new LinkedHashMap<>();
        YamlNode n = structured.get(REFUSALS);
        if (n != null && !n.isNull()) {
            try {
                n.entries().forEach((lang, msg) -> out.put(lang.toLowerCase(Locale.ROOT), msg.string()));
            } catch (YamlException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        if (!out.containsKey("en")) {
            throw new ConfigException("chat.refusals needs an 'en' message (the fallback)");
        }
        return out;
    }

    private List<GatewayConfig.ApiKey> keys() {
        List<GatewayConfig.ApiKey> out = new ArrayList<>();
        YamlNode n = structured.get(KEYS);
        if (n == null || n.isNull()) {
            return out;
        }
        try {
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (YamlNode k : n.list()) {
                k.onlyKeys(KEY_FIELDS);
                String id = k.require("id").string().trim();
                if (!ids.add(id)) {
                    throw k.error("duplicate key id '" + id + "'");
                }
                String hash = k.require("hash").string().trim();
                if (!hash.matches("sha256:[0-9a-f]{32}:[0-9a-f]{64}")) {
                    throw k.require("hash").error("hash must look like sha256:SALT:HASH "
                            + "(32 and 64 hex digits); make one with `parapet serve --hash-key`");
                }
                Optional<Path> policy = k.get("policy").map(p -> Path.of(p.string()));
                Optional<Integer> rpm = k.get("requests_per_minute").map(YamlNode::integer);
                if (rpm.isPresent() && rpm.get() < 0) {
                    throw k.require("requests_per_minute").error("requests_per_minute must be 0 or more");
                }
                out.add(new GatewayConfig.ApiKey(id, hash, policy, rpm, k.bool("reviewer", false)));
            }
        } catch (YamlException e) {
            throw new ConfigException(e.getMessage());
        }
        return out;
    }

    private static ConfigException bad(String path, Value v, String reason) {
        return new ConfigException(v.origin() + ": " + path + ": " + reason);
    }

    private static Map<String, String> environment() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("server.host", "PARAPET_HOST");
        m.put("server.port", "PARAPET_PORT");
        m.put("server.max_request_bytes", "PARAPET_MAX_REQUEST_BYTES");
        m.put("server.idle_timeout_ms", "PARAPET_IDLE_TIMEOUT_MS");
        m.put("server.shutdown_grace_ms", "PARAPET_SHUTDOWN_GRACE_MS");
        m.put("server.max_connections", "PARAPET_MAX_CONNECTIONS");
        m.put("policy.file", "PARAPET_POLICY");
        m.put("pipeline.detectors", "PARAPET_PIPELINE");
        m.put("pipeline.judges", "PARAPET_JUDGES");
        m.put("moderation.model", "PARAPET_MODERATION_MODEL");
        m.put("chat.upstream_url", "PARAPET_UPSTREAM_URL");
        m.put("chat.upstream_api_key", "PARAPET_UPSTREAM_API_KEY");
        m.put("chat.connect_timeout_ms", "PARAPET_UPSTREAM_CONNECT_TIMEOUT_MS");
        m.put("chat.upstream_timeout_ms", "PARAPET_UPSTREAM_TIMEOUT_MS");
        m.put("chat.on_input_block", "PARAPET_ON_INPUT_BLOCK");
        m.put("chat.holdback_chars", "PARAPET_HOLDBACK_CHARS");
        m.put("audit.database_url", "PARAPET_DATABASE_URL");
        m.put("audit.database_user", "PARAPET_DATABASE_USER");
        m.put("audit.database_password", "PARAPET_DATABASE_PASSWORD");
        m.put("audit.store_text", "PARAPET_AUDIT_STORE_TEXT");
        m.put("failure.fail_open", "PARAPET_FAIL_OPEN");
        m.put("auth.required", "PARAPET_AUTH_REQUIRED");
        m.put("auth.requests_per_minute", "PARAPET_RATE_LIMIT");
        m.put("agent_guard.policy", "PARAPET_AGENT_POLICY");
        m.put("agent_guard.on_block", "PARAPET_AGENT_ON_BLOCK");
        return java.util.Collections.unmodifiableMap(m);
    }
}
