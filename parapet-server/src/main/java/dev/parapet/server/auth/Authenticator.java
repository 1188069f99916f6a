package dev.parapet.server.auth;

import dev.parapet.server.config.GatewayConfig;
import dev.parapet.server.guard.Guard;
import dev.parapet.server.http.ApiException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a request's {@code Authorization: Bearer KEY} header into a {@link Client}. Without any key
 * configured, the header is ignored. With keys configured, a key that is given must be valid, even where
 * keys are optional; with {@code auth.required}, a request without a key is refused. Keys are compared
 * against their stored hashes only.
 */
public final class Authenticator {

    private final List<GatewayConfig.ApiKey> keys;
    private final boolean required;
    private final Guard defaultGuard;
    private final Map<String, Guard> keyGuards;

    /**
     * @param keyGuards the guard for each key id that has its own policy
     */
    public Authenticator(GatewayConfig.Auth auth, Guard defaultGuard, Map<String, Guard> keyGuards) {
        this.keys = auth.keys();
        this.required = auth.required();
        this.defaultGuard = defaultGuard;
        this.keyGuards = Map.copyOf(keyGuards);
    }

    /** The key entry a presented key matches, if any. */
    public Optional<GatewayConfig.ApiKey> match(String presented) {
        for (GatewayConfig.ApiKey k : keys) {
            if (KeyHasher.matches(presented, k.hash())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * @param authorization the Authorization header, or null
     * @param address       the client's address, for anonymous clients
     */
    public Client authenticate(String authorization, String address) {
        if (keys.isEmpty() && !required) {
            // No keys configured: a local, single-user gateway. OpenAI clients always send some key;
            // it means nothing here and is ignored. Everyone may review.
            return new Client("anonymous@" + address, defaultGuard, true);
        }
        if (authorization == null || authorization.isBlank()) {
            if (required) {
                throw ApiException.unauthorized("You didn't provide an API key. Send it in the Authorization "
                        + "header as 'Bearer YOUR_KEY'.");
            }
            return new Client("anonymous@" + address, defaultGuard, false);
        }
        String h = authorization.trim();
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("The Authorization header must be 'Bearer YOUR_KEY'.");
        }
        String presented = h.substring(7).trim();
        GatewayConfig.ApiKey k = match(presented).orElseThrow(() -> ApiException.unauthorized(
                "Incorrect API key provided."));
        return new Client(k.id(), keyGuards.getOrDefault(k.id(), defaultGuard), k.reviewer());
    }

    /** The requests-per-minute limit for a client id. */
    public int limitFor(String clientId, int defaultPerMinute) {
        for (GatewayConfig.ApiKey k : keys) {
            if (k.id().equals(clientId)) {
                return k.requestsPerMinute().orElse(defaultPerMinute);
            }
        }
        return defaultPerMinute;
    }
}
