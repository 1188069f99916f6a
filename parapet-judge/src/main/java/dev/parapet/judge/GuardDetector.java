package dev.parapet.judge;

import dev.parapet.core.hash.Sha256;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.detect.DetectorTimeoutException;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.judge.client.ChatClient;
import dev.parapet.judge.client.ChatReply;
import dev.parapet.judge.client.GuardServerException;
import dev.parapet.judge.model.Ask;
import dev.parapet.judge.model.Exchange;
import dev.parapet.judge.model.GuardModel;
import dev.parapet.judge.model.GuardVerdict;
import dev.parapet.judge.model.MalformedVerdictException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A guard model served over HTTP, as a {@link Detector} ({@link Cost#REMOTE}). Content written by a user, the
 * system or a tool gets a prompt check; content written by the assistant gets a response check, with the prompt
 * that led to it taken from the content's metadata key {@link #PROMPT_METADATA} (or pass an {@link Exchange} to
 * {@link #judge}).
 *
 * <p>Every check runs within the caller's {@link Deadline}: each request is bounded by the configured request
 * timeout and by what is left of the budget; retryable failures (connection errors, timeouts, HTTP 429 and 5xx,
 * empty bodies) are retried with doubling back-off while budget remains; a circuit breaker stops calling a server
 * that keeps failing; a semaphore bounds the requests in flight. Verdicts are cached, keyed by a SHA-256 of the
 * exchange and the policy version ({@link #policyVersion()}). Any failure throws, so the pipeline's fail mode
 * applies (closed by default) — a failed check never passes as clean.
 *
 * <p>Thread-safe.
 */
public final class GuardDetector implements Detector {

    /** Metadata key of an assistant content that carries the prompt it answers. */
    public static final String PROMPT_METADATA = "parapet.prompt";

    private final JudgeConfig config;
    private final GuardModel model;
    private final ChatClient client;
    private final Function<String, List<String>> toCanonical;
    private final Set<String> categories;
    private final String policyVersion;
    private final CircuitBreaker breaker;
    private final Semaphore inFlight;
    private final Cache<String, List<Finding>> cache;
    private final AtomicLong checks = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param toCanonical maps one of the model's codes to canonical category ids (its crosswalk)
     * @param nanoTime    the clock of the circuit breaker ({@code System::nanoTime} outside tests)
     */
    GuardDetector(JudgeConfig config, GuardModel model, ChatClient client, Function<String, List<String>> toCanonical,
                  LongSupplier nanoTime) {
        this.config = config;
        this.model = model;
        this.client = client;
        this.toCanonical = toCanonical;
        Set<String> covered = Judges.reported(config, model.codes(), toCanonical);
        if (covered.isEmpty()) {
            throw new IllegalArgumentException("judge '" + config.id() + "' reports no canonical category");
        }
        this.categories = Set.copyOf(covered);
        this.policyVersion = Sha256.hex(config.family().wireName() + "\n" + config.model() + "\n" + config.api().wireName()
                + "\n" + String.join(",", covered) + "\n" + model.policyText()).substring(0, 16);
        this.breaker = new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor(), nanoTime);
        this.inFlight = new Semaphore(config.maxConcurrent(), true);
        this.cache = config.cacheSize() == 0 ? null : Caffeine.newBuilder()
                .maximumSize(config.cacheSize())
                .expireAfterWrite(config.cacheTtl())
                .build();
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public Set<String> categories() {
        return categories;
    }

    @Override
    public Cost cost() {
        return Cost.REMOTE;
    }

    public JudgeConfig config() {
        return config;
    }

    /** A short hash of everything that shapes the prompts and the mapping; verdicts are cached under it. */
    public String policyVersion() {
        return policyVersion;
    }

    @Override
    public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) throws JudgeException {
        return judge(exchangeOf(content), deadline);
    }

    /** The exchange a content stands for: a prompt check, or a response check with the prompt from metadata. */
    public static Exchange exchangeOf(Content content) {
        if (content.role() == Role.ASSISTANT) {
            return Exchange.response(content.metadata().getOrDefault(PROMPT_METADATA, ""), content.text());
        }
        return Exchange.prompt(content.text());
    }

    /**
     * Judges one exchange.
     *
     * @return findings in canonical categories, one per category with the highest score; empty when clean
     * @throws JudgeException             when the server fails or answers outside the model's format, or the
     *                                    circuit is open
     * @throws DetectorTimeoutException   when the budget runs out first
     */
    public List<Finding> judge(Exchange exchange, Deadline deadline) throws JudgeException {
        checks.incrementAndGet();
        String key = cache == null ? null : cacheKey(exchange);
        if (cache != null) {
            List<Finding> hit = cache.getIfPresent(key);
            if (hit != null) {
                cacheHits.incrementAndGet();
                return hit;
            }
        }
        if (!breaker.tryAcquire()) {
            failures.incrementAndGet();
            throw new JudgeException("judge " + config.id() + ": circuit open after "
                    + config.breakerFailures() + " consecutive failures; next trial in "
                    + breaker.retryIn().toMillis() + " ms");
        }
        boolean acquired = false;
        try {
            acquired = inFlight.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
            if (!acquired) {
                breaker.onAbandon();
                throw new DetectorTimeoutException("judge " + config.id() + ": no free slot among "
                        + config.maxConcurrent() + " concurrent requests within the budget");
            }
            List<Finding> findings = ask(exchange, deadline);
            breaker.onSuccess();
            if (cache != null) {
                cache.put(key, findings);
            }
            return findings;
        } catch (JudgeException e) {
            breaker.onFailure();
            failures.incrementAndGet();
            throw e;
        } catch (DetectorTimeoutException e) {
            if (e instanceof ServerTooSlow) {
                breaker.onFailure(); // a server that never answers must open the circuit too
            } else {
                breaker.onAbandon();
            }
            failures.incrementAndGet();
            throw e;
        } catch (InterruptedException e) {
            breaker.onAbandon();
            failures.incrementAndGet();
            Thread.currentThread().interrupt();
            throw new DetectorTimeoutException("judge " + config.id() + ": interrupted");
        } catch (RuntimeException e) {
            breaker.onFailure();
            failures.incrementAndGet();
            throw e;
        } finally {
            if (acquired) {
                inFlight.release();
            }
        }
    }

    private List<Finding> ask(Exchange exchange, Deadline deadline) throws JudgeException, InterruptedException {
        Map<String, Finding> byCategory = new LinkedHashMap<>();
        for (Ask ask : model.asks(exchange, config.api())) {
            GuardVerdict verdict = verdict(ask, exchange, deadline);
            if (verdict.score() <= 0.0) {
                continue;
            }
            for (String code : verdict.codes()) {
                for (String category : toCanonical.apply(code)) {
                    if (!categories.contains(category)) {
                        continue;
                    }
                    Finding f = new Finding(category, verdict.score(), Optional.empty(), config.id(), code,
                            verdict.summary());
                    byCategory.merge(category, f, (a, b) -> b.score() > a.score() ? b : a);
                }
            }
        }
        return List.copyOf(byCategory.values());
    }

    private GuardVerdict verdict(Ask ask, Exchange exchange, Deadline deadline) throws JudgeException, InterruptedException {
        Duration backoff = config.backoff();
        GuardServerException last = null;
        boolean outOfBudget = false;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            if (attempt > 0) {
                if (deadline.remaining().compareTo(backoff) <= 0) {
                    outOfBudget = true; // no budget left to wait and try again
                    break;
                }
                Thread.sleep(backoff.toMillis(), backoff.toNanosPart() % 1_000_000);
                backoff = backoff.multipliedBy(2);
            }
            Duration left = deadline.remaining();
            if (left.isZero()) {
                outOfBudget = true;
                break;
            }
            Duration timeout = left.compareTo(config.requestTimeout()) < 0 ? left : config.requestTimeout();
            requests.incrementAndGet();
            ChatReply reply;
            try {
                reply = client.send(ask.request(), timeout);
            } catch (InterruptedException e) {
                // the caller gave up on us (the pipeline's hard timeout) while the server was still thinking
                Thread.currentThread().interrupt();
                throw new ServerTooSlow("judge " + config.id() + ": cancelled while waiting for " + client.endpoint());
            } catch (GuardServerException e) {
                last = e;
                if (!e.retryable()) {
                    throw new JudgeException("judge " + config.id() + ": " + e.getMessage());
                }
                continue;
            }
            try {
                return model.read(ask, exchange, reply);
            } catch (MalformedVerdictException e) {
                throw new JudgeException("judge " + config.id() + ": " + e.getMessage());
            }
        }
        String lastError = last == null ? "" : " (last error: " + last.getMessage() + ")";
        if (outOfBudget || (last != null && deadline.expired())) {
            String message = "judge " + config.id() + ": time budget exhausted" + lastError;
            throw last == null ? new DetectorTimeoutException(message) : new ServerTooSlow(message);
        }
        throw new JudgeException("judge " + config.id() + ": gave up after " + (config.retries() + 1)
                + (config.retries() == 0 ? " attempt" : " attempts") + lastError);
    }

    /** The budget ran out because the server did not answer in time: counts against the server. */
    private static final class ServerTooSlow extends DetectorTimeoutException {
        ServerTooSlow(String message) {
            super(message);
        }
    }

    private String cacheKey(Exchange exchange) {
        String r = exchange.response().map(s -> "\u0001" + s).orElse("\u0000");
        return Sha256.hex(exchange.prompt() + "\u0000" + r) + ":" + policyVersion;
    }

    /** Counters for metrics. */
    public Stats stats() {
        return new Stats(checks.get(), requests.get(), cacheHits.get(), failures.get(), breaker.state().name());
    }

    /**
     * @param checks    checks asked of this judge
     * @param requests  HTTP requests sent (retries and one request per principle included)
     * @param cacheHits checks answered from the cache
     * @param failures  checks that failed (and so fell to the fail mode)
     * @param circuit   CLOSED, OPEN or HALF_OPEN
     */
    public record Stats(long checks, long requests, long cacheHits, long failures, String circuit) {
    }

    @Override
    public String toString() {
        return "GuardDetector[" + config.id() + ", " + config.family().wireName() + " at " + client.endpoint() + "]";
    }
}
