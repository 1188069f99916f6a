package dev.parapet.bench.gateway;

import dev.parapet.bench.gateway.LoadGenerator.Result;
import dev.parapet.bench.gateway.LoadGenerator.Until;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Load tests of the gateway: {@code parapet serve} (the shaded command jar) in its own JVM with
 * {@code -Xmx512m}, in front of a {@link LoopbackUpstream}, driven by a {@link LoadGenerator} from this JVM.
 * Measures the start, moderation throughput, the latency the chat proxy adds (non-streaming and time to
 * first token), heap after GC under load, and a soak. {@link #markdown} writes the section of
 * {@code docs/BENCHMARKS.md}; {@link #main} prints it alone.
 */
public final class GatewayLoadTest {

    /**
     * How long and how hard.
     *
     * @param warmup   unmeasured load before each measurement
     * @param measure  each measurement
     * @param soak     the soak (whole minutes)
     * @param chatRate requests per second of the chat measurements (rule pipeline)
     */
    public record Settings(Duration warmup, Duration measure, Duration soak, int chatRate) {

        /**
         * The full report: 30 s warm-up (the JIT compiler settles on the streaming path only after some
         * thousands of streams), 20 s measurements, 10-minute soak, 200 requests/s.
         */
        public static Settings full() {
            return new Settings(Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofMinutes(10), 200);
        }

        /**
         * The full settings, with the soak's minutes from {@code PARAPET_BENCH_SOAK_MINUTES} and the
         * measurements' seconds from {@code PARAPET_BENCH_MEASURE_SECONDS} when set (quick runs).
         */
        public static Settings fromEnvironment() {
            Settings s = full();
            String soak = System.getenv("PARAPET_BENCH_SOAK_MINUTES");
            String measure = System.getenv("PARAPET_BENCH_MEASURE_SECONDS");
            return new Settings(s.warmup(),
                    measure == null ? s.measure() : Duration.ofSeconds(Long.parseLong(measure.trim())),
                    soak == null ? s.soak() : Duration.ofMinutes(Long.parseLong(soak.trim())), s.chatRate());
        }
    }

    static final int HOLDBACK = 64;
    static final long TOKEN_GAP_MICROS = 5_000;
    static final int CONCURRENCY = 16;
    static final int DEFAULT_PIPELINE_CHAT_RATE = 50;
    static final String HEAP = "512m";
    /** The soak's streams and moderations per second, beside half the chat rate of non-streaming chat. */
    static final int SOAK_STREAM_RATE = 20;
    static final int SOAK_MODERATION_RATE = 50;
    static final String CHAT = "{\"model\":\"bench\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful "
            + "assistant.\"},{\"role\":\"user\",\"content\":\"What is the capital of France? Answer in two sentences.\"}]}";
    static final String CHAT_STREAM = CHAT.replace("{\"model\":\"bench\",", "{\"model\":\"bench\",\"stream\":true,");

    private GatewayLoadTest() {
    }

    /** Runs everything and returns the Markdown section (a {@code ##} heading and its tables). */
    public static String markdown(Path jar, Settings s) throws Exception {
        Path work = Files.createTempDirectory("parapet-gateway-bench");
        LoadGenerator load = new LoadGenerator(HOLDBACK);
        String moderation = "{\"input\":" + quote(prompt()) + "}";
        StringBuilder md = new StringBuilder();
        try (LoopbackUpstream up = new LoopbackUpstream(TOKEN_GAP_MICROS)) {
            Straight direct = Straight.measure(load, up, s);
            Result chatDirectSlow = load.openLoop(URI.create(up.baseUrl() + "/chat/completions"), CHAT,
                    Until.COMPLETE, DEFAULT_PIPELINE_CHAT_RATE, s.warmup(), s.measure());

            Run rules;
            List<String> soakRows = new ArrayList<>();
            try (GatewayProcess g = GatewayProcess.start(jar, work.resolve("rules"), "rules", up.baseUrl(), HEAP, HOLDBACK)) {
                rules = measure(g, load, moderation, s, s.chatRate(), true);
                soak(g, load, moderation, s, soakRows);
            }
            Run dflt;
            try (GatewayProcess g = GatewayProcess.start(jar, work.resolve("default"), "default", up.baseUrl(), HEAP, HOLDBACK)) {
                dflt = measure(g, load, moderation, s, DEFAULT_PIPELINE_CHAT_RATE, false);
            }
            write(md, s, rules, dflt, direct, chatDirectSlow, soakRows);
        }
        return md.toString();
    }

    /**
     * What one gateway measured.
     *
     * @param moderationCpuMs the gateway's CPU time per moderation request (all its threads, GC and JIT
     *                        included), at the steady rate: it depends little on what else the machine runs
     * @param chatCpuMs       the same per non-streaming chat request
     * @param streamCpuMs     the same per streamed chat request (the whole stream)
     * @param flagged         moderation of a prompt that ends in a threat (closed loop): no fast path clears
     *                        it, so every request takes the full pipeline (rules only; null otherwise)
     * @param flaggedCpuMs    the gateway's CPU time per request of that run
     */
    private record Run(double listening, double ready, double heapIdle, Result moderation, Result moderationAtRate,
                       double moderationCpuMs, Result chat, double chatCpuMs, Result ttft, double streamCpuMs,
                       Result flagged, double flaggedCpuMs, double heapLoaded, double rss) {
    }

    private static Run measure(GatewayProcess g, LoadGenerator load, String moderation, Settings s, int chatRate,
                               boolean streaming) throws Exception {
        double idle = g.heapAfterGcMb();
        URI mod = URI.create(g.url() + "/v1/moderations");
        Result closed = load.closedLoop(mod, moderation, CONCURRENCY, s.warmup(), s.measure());
        // Latency at a steady half of the measured throughput, open loop (warm already).
        int steady = Math.max(10, (int) (closed.perSecond() / 2 / 10) * 10);
        double cpu0 = g.cpuSeconds();
        Result atRate = load.openLoop(mod, moderation, Until.COMPLETE, steady, Duration.ZERO, s.measure());
        double modCpu = (g.cpuSeconds() - cpu0) * 1000 / Math.max(1, atRate.requests() + atRate.errors());
        Result flagged = null;
        double flaggedCpu = 0;
        if (streaming) {
            String threat = moderation.substring(0, moderation.length() - 2) + " I will kill you.\"}";
            load.closedLoop(mod, threat, CONCURRENCY, Duration.ZERO, s.warmup());
            cpu0 = g.cpuSeconds();
            flagged = load.closedLoop(mod, threat, CONCURRENCY, Duration.ZERO, s.measure());
            flaggedCpu = (g.cpuSeconds() - cpu0) * 1000 / Math.max(1, flagged.requests() + flagged.errors());
        }
        URI chatUrl = URI.create(g.url() + "/v1/chat/completions");
        load.openLoop(chatUrl, CHAT, Until.COMPLETE, chatRate, Duration.ZERO, s.warmup());
        cpu0 = g.cpuSeconds();
        Result chat = load.openLoop(chatUrl, CHAT, Until.COMPLETE, chatRate, Duration.ZERO, s.measure());
        double chatCpu = (g.cpuSeconds() - cpu0) * 1000 / Math.max(1, chat.requests() + chat.errors());
        Result ttft = null;
        double streamCpu = 0;
        if (streaming) {
            load.openLoop(chatUrl, CHAT_STREAM, Until.FIRST_TOKEN, chatRate, Duration.ZERO, s.warmup());
            cpu0 = g.cpuSeconds();
            ttft = load.openLoop(chatUrl, CHAT_STREAM, Until.FIRST_TOKEN, chatRate, Duration.ZERO, s.measure());
            streamCpu = (g.cpuSeconds() - cpu0) * 1000 / Math.max(1, ttft.requests() + ttft.errors());
        }
        return new Run(g.listeningSeconds(), g.readySeconds(), idle, closed, atRate, modCpu, chat, chatCpu, ttft,
                streamCpu, flagged, flaggedCpu, g.heapAfterGcMb(), g.residentMb());
    }

    /**
     * The rules gateway alone, for comparing settings of the gateway's JVM in short runs (e.g. collectors,
     * given in {@code PARAPET_JAVA_OPTS}): the same runs as the full section's rules gateway (no default
     * pipeline, no soak), summed up in one line: moderation throughput (closed loop), chat and streaming time
     * to first token added at the chat rate.
     */
    public static String chatOnly(Path jar, Settings s) throws Exception {
        Path work = Files.createTempDirectory("parapet-gateway-bench");
        LoadGenerator load = new LoadGenerator(HOLDBACK);
        String moderation = "{\"input\":" + quote(prompt()) + "}";
        try (LoopbackUpstream up = new LoopbackUpstream(TOKEN_GAP_MICROS)) {
            Straight direct = Straight.measure(load, up, s);
            try (GatewayProcess g = GatewayProcess.start(jar, work.resolve("rules"), "rules", up.baseUrl(), HEAP, HOLDBACK)) {
                Run rules = measure(g, load, moderation, s, s.chatRate(), true);
                return String.format(Locale.ROOT, "moderation %,.0f/s | chat added p50 %.2f p99 %.2f ms (errors %s) "
                        + "| first token added p50 %.2f p99 %.2f ms, bound p50 %.2f p99 %.2f (errors %s) "
                        + "| gateway CPU ms per chat %.3f, per stream %.3f | heap after GC %.1f MB%n",
                        rules.moderation().perSecond(), rules.chat().p50Millis() - direct.chat().p50Millis(),
                        rules.chat().p99Millis() - direct.chat().p99Millis(), errors(rules.chat()),
                        rules.ttft().p50Millis() - direct.ttft().p50Millis(),
                        rules.ttft().p99Millis() - direct.ttft().p99Millis(),
                        direct.window().p50Millis() - direct.ttft().p50Millis() + 5,
                        direct.window().p99Millis() - direct.ttft().p99Millis() + 5, errors(rules.ttft()),
                        rules.chatCpuMs(), rules.streamCpuMs(), rules.heapLoaded());
            }
        }
    }

    /**
     * Straight to the upstream, at the chat rate: a whole non-streamed answer, a stream's first token, and a
     * stream's character just past the hold-back window (the gateway's first token waits for it).
     */
    private record Straight(Result chat, Result ttft, Result window) {

        static Straight measure(LoadGenerator load, LoopbackUpstream up, Settings s) throws Exception {
            URI url = URI.create(up.baseUrl() + "/chat/completions");
            return new Straight(
                    load.openLoop(url, CHAT, Until.COMPLETE, s.chatRate(), s.warmup(), s.measure()),
                    load.openLoop(url, CHAT_STREAM, Until.FIRST_TOKEN, s.chatRate(), s.warmup(), s.measure()),
                    load.openLoop(url, CHAT_STREAM, Until.CHARS_PAST_HOLDBACK, s.chatRate(), s.warmup(), s.measure()));
        }
    }

    /** Mixed load minute by minute; heap after GC and resident set after each minute. */
    private static void soak(GatewayProcess g, LoadGenerator load, String moderation, Settings s, List<String> rows)
            throws Exception {
        URI chatUrl = URI.create(g.url() + "/v1/chat/completions");
        URI modUrl = URI.create(g.url() + "/v1/moderations");
        int chatRate = Math.max(1, s.chatRate() / 2);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            rows.add(String.format(Locale.ROOT, "| start | — | — | — | %.1f | %.0f |", g.heapAfterGcMb(), g.residentMb()));
            long minutes = s.soak().toMinutes(); // 0: no soak, the start row only
            for (long m = 1; m <= minutes; m++) {
                Duration minute = Duration.ofMinutes(1);
                CompletableFuture<Result> chat = CompletableFuture.supplyAsync(() -> run(() -> load.openLoop(
                        chatUrl, CHAT, Until.COMPLETE, chatRate, Duration.ZERO, minute)), pool);
                CompletableFuture<Result> stream = CompletableFuture.supplyAsync(() -> run(() -> load.openLoop(
                        chatUrl, CHAT_STREAM, Until.FIRST_TOKEN, SOAK_STREAM_RATE, Duration.ZERO, minute)), pool);
                CompletableFuture<Result> mod = CompletableFuture.supplyAsync(() -> run(() -> load.openLoop(
                        modUrl, moderation, Until.COMPLETE, SOAK_MODERATION_RATE, Duration.ZERO, minute)), pool);
                Result c = chat.get();
                Result st = stream.get();
                Result md = mod.get();
                rows.add(String.format(Locale.ROOT, "| %d | %,d | %s | %.2f | %.1f | %.0f |", m,
                        c.requests() + st.requests() + md.requests(), errors(c) + " / " + errors(st) + " / " + errors(md),
                        c.p99Millis(), g.heapAfterGcMb(), g.residentMb()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Measurement {
        Result run() throws Exception;
    }

    private static Result run(Measurement m) {
        try {
            return m.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(StringBuilder md, Settings s, Run rules, Run dflt, Straight direct, Result chatDirectSlow,
                              List<String> soakRows) {
        Result chatDirect = direct.chat();
        Result ttftDirect = direct.ttft();
        Result windowDirect = direct.window();
        md.append("## Gateway under load\n\n");
        md.append(String.format(Locale.ROOT, "`GatewayLoadTest`: `parapet serve` (the shaded `parapet-cli/target/parapet.jar`) "
                + "in its own JVM with `-Xmx%s`, SQLite audit log (every decision written), in front of a fake "
                + "OpenAI-compatible upstream on loopback (`LoopbackUpstream`: answers at once; streams a %d-character "
                + "answer in tokens of 4 characters, one every %d ms; hold-back window %d characters). The load comes from the "
                + "report's JVM, on the same 2 cores, so the gateway gets less than 2 cores: every request goes over "
                + "keep-alive connections with a minimal blocking HTTP/1.1 client (`KeepAliveConnection`, far cheaper "
                + "than the JDK's), streams read line by line as they arrive. Open-loop "
                + "runs send at a constant rate and time each request from its intended send time (no coordinated "
                + "omission); percentiles from HdrHistogram. %d s warm-up, %d s measured per row.\n\n",
                HEAP, LoopbackUpstream.ANSWER.length(), TOKEN_GAP_MICROS / 1000, HOLDBACK, s.warmup().toSeconds(), s.measure().toSeconds()));

        md.append("Start, from launching the JVM (`listening` is printed once the pipeline is built; `/readyz` then answers 200):\n\n");
        md.append("| pipeline | listening s | ready s | heap after GC, idle MB |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| rules | %.2f | %.2f | %.1f |\n", rules.listening(), rules.ready(), rules.heapIdle()));
        md.append(String.format(Locale.ROOT, "| default (rules + classifiers) | %.2f | %.2f | %.1f |\n\n", dflt.listening(),
                dflt.ready(), dflt.heapIdle()));

        md.append(String.format(Locale.ROOT, "`POST /v1/moderations` with a ~100-token prompt: the highest rate with %d requests "
                + "in flight (closed loop), then latency at a steady half of that rate (open loop). Target (rules): ≥ 2,000 "
                + "requests/s. The gateway's CPU time per request (all its threads, from `/proc`) at the steady rate "
                + "depends little on what else runs on the machine; 2,000 ms divided by it is what 2 cores could serve "
                + "with nothing else running (no load generator either).\n\n", CONCURRENCY));
        md.append("| pipeline | requests/s | p50 ms | p99 ms | errors | steady rate /s | p50 ms | p99 ms | errors | gateway CPU ms/request | 2 cores / CPU per request |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run r : List.of(rules, dflt)) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %s | %,.0f | %.2f | %.2f | %s | %.3f | %,.0f /s |\n",
                    r == rules ? "rules" : "default", r.moderation().perSecond(), r.moderation().p50Millis(),
                    r.moderation().p99Millis(), errors(r.moderation()), r.moderationAtRate().perSecond(),
                    r.moderationAtRate().p50Millis(), r.moderationAtRate().p99Millis(), errors(r.moderationAtRate()),
                    r.moderationCpuMs(), 2000 / r.moderationCpuMs()));
        }
        md.append(String.format(Locale.ROOT, "| rules, the prompt ending in a threat (flagged; full pipeline) | %,.0f | %.2f | %.2f | %s | — | — | — | — | %.3f (closed loop) | %,.0f /s |\n",
                rules.flagged().perSecond(), rules.flagged().p50Millis(), rules.flagged().p99Millis(),
                errors(rules.flagged()), rules.flaggedCpuMs(), 2000 / rules.flaggedCpuMs()));
        md.append("\nWith the rules, the gateway first takes the pipeline's fast path, which proves the ordinary prompt "
                + "clean without analysing it (the verdict is the one the full pipeline gives); the flagged prompt "
                + "shows the cost of a text the full pipeline must analyse.\n");

        md.append(String.format(Locale.ROOT, "\nChat proxy, non-streaming, open loop (a system and a user message checked "
                + "on the way in, the answer on the way out). Added = through the gateway minus straight to the upstream, "
                + "percentile by percentile. Targets at %d requests/s (rules): p50 ≤ 2 ms, p99 ≤ 10 ms added.\n\n", s.chatRate()));
        md.append("| pipeline | rate /s | upstream directly p50 / p99 ms | through the gateway p50 / p99 ms | added p50 ms | added p99 ms | errors | gateway CPU ms/request |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(chatRow("rules", s.chatRate(), chatDirect, rules.chat(), rules.chatCpuMs()));
        md.append(chatRow("default", DEFAULT_PIPELINE_CHAT_RATE, chatDirectSlow, dflt.chat(), dflt.chatCpuMs()));

        double window50 = windowDirect.p50Millis() - ttftDirect.p50Millis();
        double window99 = windowDirect.p99Millis() - ttftDirect.p99Millis();
        md.append(String.format(Locale.ROOT, "\nStreaming, rules, %d requests/s, open loop: time to the first content "
                + "token. The gateway holds back %d characters, so its first token waits for the upstream's %d-th "
                + "character; the hold-back window is the time from the upstream's first token to its %d-th character, "
                + "measured straight to the upstream. Target: added ≤ window + 5 ms.\n\n", s.chatRate(), HOLDBACK,
                HOLDBACK + 1, HOLDBACK + 1));
        md.append("| measure | p50 ms | p99 ms |\n|---|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| upstream directly: first token | %.2f | %.2f |\n", ttftDirect.p50Millis(), ttftDirect.p99Millis()));
        md.append(String.format(Locale.ROOT, "| upstream directly: %d characters | %.2f | %.2f |\n", HOLDBACK + 1,
                windowDirect.p50Millis(), windowDirect.p99Millis()));
        md.append(String.format(Locale.ROOT, "| through the gateway: first token | %.2f | %.2f |\n", rules.ttft().p50Millis(), rules.ttft().p99Millis()));
        md.append(String.format(Locale.ROOT, "| added | %.2f | %.2f |\n", rules.ttft().p50Millis() - ttftDirect.p50Millis(),
                rules.ttft().p99Millis() - ttftDirect.p99Millis()));
        md.append(String.format(Locale.ROOT, "| bound: window + 5 ms | %.2f | %.2f |\n", window50 + 5, window99 + 5));
        md.append(String.format(Locale.ROOT, "| errors (gateway) | %s | |\n", errors(rules.ttft())));
        md.append(String.format(Locale.ROOT, "| gateway CPU per stream, ms | %.3f | |\n", rules.streamCpuMs()));

        md.append(String.format(Locale.ROOT, "\nMemory of the gateway's JVM (`-Xmx%s`; heap after a full GC by `jcmd`, "
                + "resident set from `/proc`), after the runs above. Target: ≤ 512 MB.\n\n", HEAP));
        md.append("| pipeline | heap after GC MB | resident set MB |\n|---|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| rules | %.1f | %.0f |\n", rules.heapLoaded(), rules.rss()));
        md.append(String.format(Locale.ROOT, "| default | %.1f | %.0f |\n", dflt.heapLoaded(), dflt.rss()));

        md.append(String.format(Locale.ROOT, "\nSoak, rules, %d minute(s): chat at %d, streaming chat at %d and "
                + "moderation at %d requests/s, open loop, one minute per row; heap after a full GC and resident set "
                + "after each minute. A leak shows as heap after GC that keeps growing.\n\n", soakRows.size() - 1,
                Math.max(1, s.chatRate() / 2), SOAK_STREAM_RATE, SOAK_MODERATION_RATE));
        md.append("| minute | requests | errors (chat / streaming / moderation) | chat p99 ms | heap after GC MB | resident set MB |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        soakRows.forEach(r -> md.append(r).append('\n'));
        md.append('\n');
    }

    /** The error count, with the kinds when there are any. */
    private static String errors(Result r) {
        return r.errors() == 0 ? "0" : r.errors() + " (" + r.errorSummary() + ")";
    }

    private static String chatRow(String pipeline, int rate, Result direct, Result gateway, double cpuMs) {
        return String.format(Locale.ROOT, "| %s | %d | %.2f / %.2f | %.2f / %.2f | %.2f | %.2f | %s | %.3f |\n", pipeline,
                rate, direct.p50Millis(), direct.p99Millis(), gateway.p50Millis(), gateway.p99Millis(),
                gateway.p50Millis() - direct.p50Millis(), gateway.p99Millis() - direct.p99Millis(),
                errors(gateway) + (direct.errors() > 0 ? "; upstream directly " + errors(direct) : ""), cpuMs);
    }

    private static String prompt() throws IOException {
        try (InputStream in = GatewayLoadTest.class.getResourceAsStream("/dev/parapet/bench/prompt-100-tokens.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark input prompt-100-tokens");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Prints the section alone: {@code java -cp parapet-bench/target/benchmarks.jar
     * dev.parapet.bench.gateway.GatewayLoadTest [--jar parapet-cli/target/parapet.jar] [--soak-minutes N]
     * [--measure-seconds N] [--warmup-seconds N] [--chat-only]}; {@code --chat-only} prints
     * {@link #chatOnly} instead of the whole section.
     */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of("parapet-cli/target/parapet.jar");
        Settings s = Settings.fromEnvironment();
        boolean chatOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--soak-minutes" -> s = new Settings(s.warmup(), s.measure(), Duration.ofMinutes(Long.parseLong(args[++i])), s.chatRate());
                case "--measure-seconds" -> s = new Settings(s.warmup(), Duration.ofSeconds(Long.parseLong(args[++i])), s.soak(), s.chatRate());
                case "--warmup-seconds" -> s = new Settings(Duration.ofSeconds(Long.parseLong(args[++i])), s.measure(), s.soak(), s.chatRate());
                case "--chat-only" -> chatOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--jar FILE, --soak-minutes N, --measure-seconds N, --warmup-seconds N, --chat-only)");
            }
        }
        System.out.print(chatOnly ? chatOnly(jar, s) : markdown(jar, s));
    }
}
