package dev.parapet.judge;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach and use one guard model. Read from YAML by {@link JudgeConfigLoader}; immutable.
 *
 * @param id                 the detector id (findings and failures name it)
 * @param family             the model family: decides prompt and answer format
 * @param baseUrl            the server, e.g. {@code http://localhost:11434} (Ollama) or {@code http://localhost:8000}
 * @param model              the model name the server knows
 * @param api                the server's dialect
 * @param requestTimeout     the longest one request may take (the pipeline's budget may cut it shorter)
 * @param connectTimeout     the longest a connection may take
 * @param retries            extra attempts after a retryable failure (connection error, timeout, 429, 5xx)
 * @param backoff            the wait before the first retry; doubled for each further one
 * @param maxConcurrent      requests in flight at once; further checks wait within their budget
 * @param cacheSize          verdicts kept (0 disables the cache)
 * @param cacheTtl           how long a verdict is kept
 * @param breakerFailures    consecutive failed checks that open the circuit
 * @param breakerOpenFor     how long an open circuit rejects checks before one trial
 * @param band               the ensemble's uncertainty band
 * @param policies           ShieldGemma principles or Granite Guardian risks to ask about
 * @param categories         canonical categories to report (gpt-oss-safeguard: the policy's categories); empty for
 *                           all that the model covers
 * @param ownPolicy          gpt-oss-safeguard: text of the user's own policy added to the generated one
 * @param controversialScore Qwen3Guard: the score of a controversial verdict
 * @param maxTokens          answer length bound
 */
public record JudgeConfig(String id, GuardFamily family, URI baseUrl, String model, ApiStyle api,
                          Duration requestTimeout, Duration connectTimeout, int retries, Duration backoff,
                          int maxConcurrent, long cacheSize, Duration cacheTtl, int breakerFailures,
                          Duration breakerOpenFor, Band band, List<String> policies, List<String> categories,
                          Optional<String> ownPolicy, double controversialScore, int maxTokens) {

    public JudgeConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(band, "band");
        policies = List.copyOf(policies);
        categories = List.copyOf(categories);
        ownPolicy = ownPolicy == null ? Optional.empty() : ownPolicy;
        if (retries < 0 || maxConcurrent < 1 || cacheSize < 0 || breakerFailures < 1 || maxTokens < 1) {
            throw new IllegalArgumentException("bad judge limits for '" + id + "'");
        }
    }

    /** A configuration with the defaults of the YAML format. */
    public static JudgeConfig defaults(String id, GuardFamily family, URI baseUrl, String model, ApiStyle api) {
        return new JudgeConfig(id, family, baseUrl, model, api, Duration.ofSeconds(10), Duration.ofSeconds(2), 1,
                Duration.ofMillis(100), 4, 10_000, Duration.ofMinutes(10), 5, Duration.ofSeconds(30),
                new Band(0.3, 0.8), List.of(), List.of(), Optional.empty(), 0.5, family.defaultMaxTokens());
    }

    public JudgeConfig withTimeouts(Duration request, int retries, Duration backoff) {
        return new JudgeConfig(id, family, baseUrl, model, api, request, connectTimeout, retries, backoff,
                maxConcurrent, cacheSize, cacheTtl, breakerFailures, breakerOpenFor, band, policies, categories,
                ownPolicy, controversialScore, maxTokens);
    }

    public JudgeConfig withBreaker(int failures, Duration openFor) {
        return new JudgeConfig(id, family, baseUrl, model, api, requestTimeout, connectTimeout, retries, backoff,
                maxConcurrent, cacheSize, cacheTtl, failures, openFor, band, policies, categories,
                ownPolicy, controversialScore, maxTokens);
    }

    public JudgeConfig withCacheSize(long size) {
        return new JudgeConfig(id, family, baseUrl, model, api, requestTimeout, connectTimeout, retries, backoff,
                maxConcurrent, size, cacheTtl, breakerFailures, breakerOpenFor, band, policies, categories,
                ownPolicy, controversialScore, maxTokens);
    }

    public JudgeConfig withPolicies(List<String> policies) {
        return new JudgeConfig(id, family, baseUrl, model, api, requestTimeout, connectTimeout, retries, backoff,
                maxConcurrent, cacheSize, cacheTtl, breakerFailures, breakerOpenFor, band, policies, categories,
                ownPolicy, controversialScore, maxTokens);
    }

    public JudgeConfig withCategories(List<String> categories) {
        return new JudgeConfig(id, family, baseUrl, model, api, requestTimeout, connectTimeout, retries, backoff,
                maxConcurrent, cacheSize, cacheTtl, breakerFailures, breakerOpenFor, band, policies, categories,
                ownPolicy, controversialScore, maxTokens);
    }
}
