package dev.parapet.server;

import java.util.function.Function;
import java.util.List;
import dev.parapet.detect.RuleDetectors;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.Parapet;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.policy.PolicyLoader;
import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.core.yaml.YamlException;
import dev.parapet.judge.JudgeConfig;
import dev.parapet.judge.JudgeConfigLoader;
import dev.parapet.judge.Judges;
import dev.parapet.server.agent.ToolCallGuard;
import dev.parapet.server.audit.Database;
import dev.parapet.server.audit.DecisionLog;
import dev.parapet.server.audit.FeedbackStore;
import dev.parapet.server.auth.Authenticator;
import dev.parapet.server.auth.Client;
import dev.parapet.server.auth.RateLimiter;
import dev.parapet.server.config.ConfigException;
import dev.parapet.server.chat.ChatProxy;
import dev.parapet.server.chat.Upstream;
import dev.parapet.server.config.GatewayConfig;
import dev.parapet.server.review.ReviewHandler;
import dev.parapet.server.guard.Decisions;
import dev.parapet.server.guard.Guard;
import dev.parapet.server.http.ApiException;
import dev.parapet.server.http.ApiHandler;
import dev.parapet.server.http.JettyErrors;
import dev.parapet.server.http.JsonBodies;
import dev.parapet.server.http.Responses;
import dev.parapet.server.metrics.Metrics;
import dev.parapet.server.moderation.CheckHandler;
import dev.parapet.server.moderation.ModerationHandler;
import dev.parapet.server.moderation.OpenAiCategories;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Parapet gateway: an HTTP server with OpenAI-compatible moderation, a guarded chat proxy, audit,
 * feedback and review, API keys, rate limits and metrics. Start one with {@link #start}; {@link #close}
 * stops taking requests, waits for those in flight (streams included) up to the configured grace, then
 * stops.
 */
public final class Gateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
    private static final int RESPONSE_COPY_BUFFER_BYTES = 4096;

    private final GatewayConfig config;
    private final Database database;
    private final Map<String, Guard> guards;
    private final Optional<ToolCallGuard> toolGuard;
    private final Taxonomies taxonomies;
    private final Metrics metrics = new Metrics();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private Javalin app;

    private Gateway(GatewayConfig config, Database database, Map<String, Guard> guards,
                    Optional<ToolCallGuard> toolGuard, Taxonomies taxonomies) {
        this.taxonomies = taxonomies;
        this.config = config;
        this.database = database;
        this.guards = guards;
        this.toolGuard = toolGuard;
    }

    /**
     * Loads the policies, opens and migrates the database, and starts listening.
     *
     * @throws ConfigException when a policy file is missing or invalid
     * @throws IllegalStateException when the database cannot be opened or the port cannot be bound
     */
    public static Gateway start(GatewayConfig config) {
        return start(config, RuleDetectors::defaults);
    }

    /**
     * As {@link #start(GatewayConfig)}, with the detectors to run (e.g. the rule detectors plus the shipped
     * classifiers). They are built once, with the one normaliser, and shared by every policy's pipelines.
     */
    public static Gateway start(GatewayConfig config, Function<TextNormalizer, List<Detector>> detectorFactory) {
        long t0 = System.nanoTime();
        Map<String, Guard> guards = new LinkedHashMap<>();
        Taxonomies taxonomies = Taxonomies.builtIn(); // parsed once: policies, moderation and review share it
        PolicyLoader loader = new PolicyLoader(taxonomies.canonical());
        TextNormalizer normalizer = Parapet.builder().normalizerOrDefault();
        List<Detector> base = config.pipeline() == GatewayConfig.Pipeline.RULES
                ? RuleDetectors.defaults(normalizer) : detectorFactory.apply(normalizer);
        List<Detector> detectors = withJudges(config.judgesFile(), taxonomies, base);
        guards.put("", Guard.of(config.policyFile().map(p -> load(loader, p)).orElse(Policy.defaultPolicy()),
                normalizer, detectors));
        Map<Path, Guard> byFile = new LinkedHashMap<>(); // keys sharing a policy file share its pipelines
        for (GatewayConfig.ApiKey k : config.auth().keys()) {
            k.policyFile().ifPresent(p -> guards.put(k.id(), byFile.computeIfAbsent(p.toAbsolutePath().normalize(),
                    f -> Guard.of(load(loader, p), normalizer, detectors))));
        }
        long tPipeline = System.nanoTime();
        Optional<ToolCallGuard> toolGuard;
        Database db;
        try {
            toolGuard = config.agentGuard().policyFile().map(ToolCallGuard::load);
            db = Database.open(config.audit());
        } catch (RuntimeException e) {
            guards.values().forEach(Guard::close);
            throw e;
        }
        long tDatabase = System.nanoTime();
        Gateway g = new Gateway(config, db, guards, toolGuard, taxonomies);
        try {
            g.listen();
            // Where the start went: operators see whether the pipeline, the database or the server is slow.
            LOG.log(System.Logger.Level.INFO, "started in {0} ms: pipeline ({1} detectors) {2} ms, audit database "
                    + "{3} ms, HTTP server {4} ms", ms(t0, System.nanoTime()), Integer.toString(detectors.size()), ms(t0, tPipeline),
                    ms(tPipeline, tDatabase), ms(tDatabase, System.nanoTime()));
        } catch (RuntimeException e) {
            g.closeResources();
            throw new IllegalStateException("cannot listen on " + config.server().host() + ":"
                    + config.server().port() + ": " + rootMessage(e));
        }
        return g;
    }

    /** The detectors with the judges of {@code file}, if any, behind them ({@link Judges#behind}). */
    private static List<Detector> withJudges(Optional<Path> file, Taxonomies taxonomies, List<Detector> detectors) {
        if (file.isEmpty()) {
            return detectors;
        }
        if (!Files.isRegularFile(file.get())) {
            throw new ConfigException(file.get() + ": no such judges file");
        }
        List<JudgeConfig> judges;
        try {
            judges = new JudgeConfigLoader(taxonomies).load(file.get());
        } catch (YamlException | IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        return Judges.behind(judges, detectors);
    }

    private static String ms(long from, long to) {
        return Long.toString((to - from) / 1_000_000);
    }

    private static Policy load(PolicyLoader loader, Path p) {
        if (!Files.isRegularFile(p)) {
            throw new ConfigException(p + ": no such policy file");
        }
        try {
            return loader.load(p);
        } catch (YamlException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private void listen() {
        ObjectMapper mapper = JsonBodies.strictMapper();
        Responses responses = new Responses(mapper);
        JsonBodies bodies = new JsonBodies(config.server().maxRequestBytes());
        Guard defaultGuard = guards.get("");
        Map<String, Guard> keyGuards = new LinkedHashMap<>(guards);
        keyGuards.remove("");
        Authenticator auth = new Authenticator(config.auth(), defaultGuard, keyGuards);
        RateLimiter limiter = new RateLimiter(System::nanoTime);
        Decisions decisions = new Decisions(DecisionLog.of(database, mapper), metrics,
                config.failOpen(), config.audit().storeText(), Clock.systemUTC());
        FeedbackStore feedback = new FeedbackStore(database.dataSource());
        ModerationHandler moderation = new ModerationHandler(decisions,
                new OpenAiCategories(taxonomies.crosswalk("openai-moderation").orElseThrow()),
                mapper, config.moderationModel());
        CheckHandler check = new CheckHandler(decisions, mapper);
        Upstream upstream = new Upstream(config.chat().upstreamUrl(), config.chat().upstreamApiKey(),
                config.chat().connectTimeout(), config.chat().upstreamTimeout(), mapper, metrics);
        ChatProxy chat = new ChatProxy(decisions, upstream, mapper, config.chat(), config.failOpen(), metrics,
                toolGuard, config.agentGuard().onBlock());
        ReviewHandler review = new ReviewHandler(feedback, DecisionLog.of(database, mapper),
                taxonomies.canonical(), mapper, Clock.systemUTC());
        Routes routes = new Routes(responses, auth, limiter, config.auth().requestsPerMinute());

        app = Javalin.create(cfg -> {
            configure(cfg);
            cfg.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyErrors(responses.errors()));
                // Under overload, connections past the limit wait in the kernel's queue instead of in the heap.
                server.addBean(new NetworkConnectionLimit(config.server().maxConnections(), server));
            });
            cfg.routes.get("/healthz", routes.open("healthz", ctx -> responses.json(ctx, 200, status(mapper, "ok"))));
            cfg.routes.get("/readyz", routes.open("readyz", ctx -> {
                if (draining || !database.healthy()) {
                    throw ApiException.unavailable(draining ? "The gateway is shutting down."
                            : "The audit database is not reachable.");
                }
                responses.json(ctx, 200, status(mapper, "ready"));
            }));
            cfg.routes.get("/metrics", routes.open("metrics", ctx -> {
                ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
                ctx.attribute(Responses.ANSWERED, Boolean.TRUE);
            }));
            cfg.routes.post("/v1/moderations", routes.api("moderations", (ctx, client) ->
                    responses.json(ctx, 200, moderation.moderate(bodies.read(ctx), client))));
            cfg.routes.post("/v1/check", routes.api("check", (ctx, client) ->
                    responses.json(ctx, 200, check.check(bodies.read(ctx), client))));
            cfg.routes.post("/v1/chat/completions", routes.api("chat", (ctx, client) ->
                    chat.handle(ctx, bodies.read(ctx), client)));
            cfg.routes.post("/v1/feedback", routes.api("feedback", (ctx, client) ->
                    responses.json(ctx, 200, review.submit(bodies.read(ctx), client))));
            cfg.routes.get("/v1/feedback/{id}", routes.api("feedback", (ctx, client) ->
                    responses.json(ctx, 200, review.status(client, ctx.pathParam("id")))));
            cfg.routes.get("/v1/review", routes.api("review", (ctx, client) ->
                    responses.json(ctx, 200, review.queue(client, ctx.queryParam("status"), ctx.queryParam("limit")))));
            cfg.routes.get("/v1/review/export", routes.api("review", (ctx, client) -> {
                ctx.status(200).contentType("application/x-ndjson; charset=utf-8").result(review.export(client));
                ctx.attribute(Responses.ANSWERED, Boolean.TRUE);
            }));
            cfg.routes.post("/v1/review/{id}", routes.api("review", (ctx, client) ->
                    responses.json(ctx, 200, review.decide(client, ctx.pathParam("id"), bodies.read(ctx)))));
            cfg.routes.error(404, ctx -> {
                if (!Responses.answered(ctx)) {
                    responses.error(ctx, ApiException.notFound("Unknown request URL: " + ctx.method() + " "
                            + ctx.path() + "."));
                }
            });
            cfg.routes.error(405, ctx -> {
                if (!Responses.answered(ctx)) {
                    responses.error(ctx, new ApiException(405, "invalid_request_error", "Method " + ctx.method()
                            + " is not allowed for " + ctx.path() + ".", null, "method_not_allowed"));
                }
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.log(System.Logger.Level.ERROR, "unexpected failure at {0}: {1}", ctx.path(),
                        e.getClass().getSimpleName());
                responses.error(ctx, ApiException.internal("The gateway failed to answer this request."));
            });
        });
        app.start();
    }

    private void configure(JavalinConfig cfg) {
        GatewayConfig.Server s = config.server();
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.prefer405over404 = true;
        // Answers are small JSON: compressing them (or deciding per request whether to) costs more CPU than
        // it saves bytes; a reverse proxy in front can compress where the network is slow.
        cfg.http.compressionStrategy = CompressionStrategy.NONE;
        // Javalin copies each answer to the connection through a new buffer of this size (Jetty's 32 KB
        // output buffer size otherwise): for answers of a few KB that was most of a request's garbage.
        cfg.http.responseBufferSize = RESPONSE_COPY_BUFFER_BYTES;
        cfg.http.maxRequestSize = s.maxRequestBytes();
        cfg.jetty.host = s.host();
        cfg.jetty.port = s.port();
        cfg.jetty.addConnector((server, httpConfig) -> {
            httpConfig.setSendServerVersion(false);
            ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
            c.setHost(s.host());
            c.setPort(s.port());
            c.setIdleTimeout(s.idleTimeout().toMillis());
            return c;
        });
    }

    private static ObjectNode status(ObjectMapper mapper, String status) {
        ObjectNode o = mapper.createObjectNode();
        o.put("status", status);
        return o;
    }

    /** The port the gateway listens on (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = config.server().host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Stops taking new requests, waits for those in flight up to the shutdown grace, then stops. */
    @Override
    public void close() {
        draining = true;
        long deadline = System.nanoTime() + config.server().shutdownGrace().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.log(System.Logger.Level.WARNING, "{0} request(s) still running after the shutdown grace; stopping",
                    inFlight.get());
        }
        if (app != null) {
            app.stop();
        }
        closeResources();
    }

    private void closeResources() {
        new java.util.LinkedHashSet<>(guards.values()).forEach(Guard::close);
        database.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Wraps handlers with request counting, draining, authentication, rate limits and error bodies. */
    private final class Routes {
        private final Responses responses;
        private final Authenticator auth;
        private final RateLimiter limiter;
        private final int defaultPerMinute;

        Routes(Responses responses, Authenticator auth, RateLimiter limiter, int defaultPerMinute) {
            this.responses = responses;
            this.auth = auth;
            this.limiter = limiter;
            this.defaultPerMinute = defaultPerMinute;
        }

        /** An endpoint without authentication (health, readiness, metrics). */
        Handler open(String endpoint, Handler h) {
            return ctx -> run(endpoint, ctx, () -> h.handle(ctx), false);
        }

        /** An API endpoint: authenticated, rate limited, refused while draining. */
        Handler api(String endpoint, ApiHandler h) {
            return ctx -> run(endpoint, ctx, () -> {
                Client client = auth.authenticate(ctx.header("Authorization"), ctx.ip());
                long wait = limiter.acquire(client.id(), auth.limitFor(client.id(), defaultPerMinute));
                if (wait > 0) {
                    ctx.header("Retry-After", Long.toString(wait));
                    throw ApiException.rateLimited("Rate limit reached for " + client.id()
                            + "; retry in " + wait + " s.");
                }
                h.handle(ctx, client);
            }, true);
        }

        private void run(String endpoint, Context ctx, Body body, boolean refuseWhileDraining) {
            long t0 = System.nanoTime();
            inFlight.incrementAndGet();
            try {
                if (refuseWhileDraining && draining) {
                    throw ApiException.unavailable("The gateway is shutting down.");
                }
                body.run();
            } catch (ApiException e) {
                if (!ctx.res().isCommitted()) {
                    responses.error(ctx, e);
                }
            } catch (Exception | LinkageError | StackOverflowError e) {
                // One line, no stack trace: the log may be shipped where stack traces leak internals.
                LOG.log(System.Logger.Level.ERROR, "unexpected failure at {0}: {1}", endpoint,
                        e.getClass().getSimpleName());
                if (!ctx.res().isCommitted()) {
                    responses.error(ctx, ApiException.internal("The gateway failed to answer this request."));
                }
            } finally {
                inFlight.decrementAndGet();
                metrics.request(endpoint, ctx.statusCode(), (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }
}
