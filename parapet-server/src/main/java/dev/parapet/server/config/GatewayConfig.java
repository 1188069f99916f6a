package dev.parapet.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's whole configuration, validated. Load it with {@link ConfigLoader}.
 *
 * @param server     where and how to listen
 * @param policyFile the policy, or empty for the built-in default
 * @param pipeline   which detectors run
 * @param judgesFile guard models to escalate to where the pipeline is unsure (see docs/GUARD-MODELS.md), or
 *                   empty
 * @param moderationModel the model name reported by the moderation endpoint
 * @param chat       the chat proxy
 * @param audit      the decision log
 * @param failOpen   whether content passes when a check fails (default false: fail closed)
 * @param auth       API keys and rate limits
 * @param agentGuard the tool policy that tool calls in upstream answers are checked against
 */
public record GatewayConfig(Server server, Optional<Path> policyFile, Pipeline pipeline, Optional<Path> judgesFile,
                            String moderationModel, Chat chat,
                            Audit audit, boolean failOpen, Auth auth, AgentGuard agentGuard) {

    /** This configuration listening on another port. */
    public GatewayConfig withPort(int port) {
        return new GatewayConfig(new Server(server.host(), port, server.maxRequestBytes(), server.idleTimeout(),
                server.shutdownGrace(), server.maxConnections()), policyFile, pipeline, judgesFile, moderationModel, chat, audit, failOpen, auth, agentGuard);
    }

    /** Listening and request limits. */
    /**
     * Listening and request limits.
     *
     * @param maxConnections connections open at once; beyond it the gateway stops accepting until one
     *                       closes (the rest wait in the kernel's queue), so an overload cannot exhaust the heap
     */
    public record Server(String host, int port, long maxRequestBytes, Duration idleTimeout,
                         Duration shutdownGrace, int maxConnections) {
    }

    /**
     * Which detectors the gateway runs: {@code DEFAULT}, the detectors it was started with (in
     * {@code parapet serve}: the rules and the shipped classifiers), or {@code RULES}, the rule detectors only
     * (microseconds per check, no model to load).
     */
    public enum Pipeline { DEFAULT, RULES }

    /** What the gateway does on a blocked chat request. */
    public enum OnBlock { REFUSAL, ERROR }

    /** The upstream model server and the output rails. */
    public record Chat(URI upstreamUrl, String upstreamApiKey, Duration connectTimeout, Duration upstreamTimeout,
                       OnBlock onInputBlock, int holdbackChars, Map<String, String> refusals) {
        public Chat {
            refusals = Map.copyOf(refusals);
        }

        /** The refusal for a language tag such as {@code de-CH}; English when there is none. */
        public String refusal(String languageTag) {
            if (languageTag != null && !languageTag.isBlank()) {
                String lang = languageTag.trim().toLowerCase(java.util.Locale.ROOT);
                int dash = lang.indexOf('-');
                String primary = dash < 0 ? lang : lang.substring(0, dash);
                String m = refusals.get(primary);
                if (m != null) {
                    return m;
                }
            }
            return refusals.getOrDefault("en", "I can't help with that request.");
        }
    }

    /**
     * The agent guard on tool calls in upstream answers.
     *
     * @param policyFile the tool policy (see docs/AGENT-GUARD.md), or empty: tool calls then pass the content
     *                   rails only
     * @param onBlock    a blocked call becomes a refusal, or an error (HTTP 400, or an error event mid-stream)
     */
    public record AgentGuard(Optional<Path> policyFile, OnBlock onBlock) {
    }

    /** The decision log. */
    public record Audit(String databaseUrl, String databaseUser, String databasePassword, boolean storeText) {
        @Override
        public String toString() {
            return "Audit[" + databaseUrl + ", user=" + databaseUser + ", storeText=" + storeText + "]"; // no password
        }
    }

    /** API keys and rate limits. */
    public record Auth(boolean required, int requestsPerMinute, List<ApiKey> keys) {
        public Auth {
            keys = List.copyOf(keys);
        }
    }

    /**
     * One API key, stored hashed.
     *
     * @param id                a name for logs and the audit (never the key)
     * @param hash              {@code sha256:SALT_HEX:HASH_HEX}
     * @param policyFile        the key's own policy, or empty for the gateway's
     * @param requestsPerMinute the key's own limit, or empty for the gateway's
     * @param reviewer          whether the key may read and decide the review queue
     */
    public record ApiKey(String id, String hash, Optional<Path> policyFile, Optional<Integer> requestsPerMinute,
                         boolean reviewer) {
    }
}
