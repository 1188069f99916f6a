package dev.parapet.bench.gateway;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives HTTP load with the JDK's asynchronous client, or, for short plain requests (moderation), with
 * {@link KeepAliveConnection}s, which cost the shared cores far less. {@link #openLoop} sends at a constant
 * rate whether or not earlier answers have arrived, and measures each latency from the request's
 * <em>intended</em> send time, so a stall shows up in the percentiles instead of silently lowering the rate
 * (no coordinated omission). {@link #closedLoop} keeps a fixed number of requests in flight to find the
 * highest rate.
 */
public final class LoadGenerator {

    /** What a run measured. Latencies in microseconds. */
    public record Result(long requests, long errors, double seconds, Histogram latency, Map<String, Long> errorKinds) {

        public Result {
            errorKinds = Map.copyOf(errorKinds);
        }

        /** The errors by kind, e.g. {@code timeout 12, status 503 3}; empty when none. */
        public String errorSummary() {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(errorKinds).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            return sb.toString();
        }

        public double perSecond() {
            return requests / seconds;
        }

        public double p50Millis() {
            return latency.getValueAtPercentile(50) / 1000.0;
        }

        public double p99Millis() {
            return latency.getValueAtPercentile(99) / 1000.0;
        }
    }

    /** When to stop timing a request: at the complete answer, or at the first streamed content token. */
    public enum Until { COMPLETE, FIRST_TOKEN, CHARS_PAST_HOLDBACK }

    /** Connections (and threads) an open loop over keep-alive connections sends on. */
    static final int RAW_WORKERS = 32;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int holdbackChars;

    /** @param holdbackChars for {@link Until#CHARS_PAST_HOLDBACK}: stop once more than this much content arrived */
    public LoadGenerator(int holdbackChars) {
        this.holdbackChars = holdbackChars;
    }

    public static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /**
     * Sends {@code request} {@code rate} times a second for {@code warmup} (not measured), then for
     * {@code measure}, and waits for the answers.
     */
    public Result openLoop(HttpRequest request, Until until, int rate, Duration warmup, Duration measure)
            throws InterruptedException {
        run(request, until, rate, warmup, new Recorder(3), new AtomicLong(), new Errors());
        Recorder rec = new Recorder(3);
        AtomicLong done = new AtomicLong();
        Errors errors = new Errors();
        long t0 = System.nanoTime();
        run(request, until, rate, measure, rec, done, errors);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(done.get(), errors.total(), Math.max(seconds, measure.toNanos() / 1e9), rec.getIntervalHistogram(),
                errors.byKind());
    }

    private void run(HttpRequest request, Until until, int rate, Duration length, Recorder rec, AtomicLong done,
                     Errors errors) throws InterruptedException {
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long n = length.toNanos() / period;
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        for (long i = 0; i < n; i++) {
            long intended = start + i * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            CompletableFuture<?> f = send(request, until, intended, rec, done, errors);
            pending.add(f);
            if ((i & 255) == 0) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        for (CompletableFuture<?> f : pending) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted as an error where it completed
            }
        }
    }

    /** Keeps {@code concurrency} requests in flight for {@code warmup}, then for {@code measure}. */
    public Result closedLoop(HttpRequest request, int concurrency, Duration warmup, Duration measure)
            throws InterruptedException {
        closed(request, concurrency, warmup, new Recorder(3), new AtomicLong(), new Errors());
        Recorder rec = new Recorder(3);
        AtomicLong done = new AtomicLong();
        Errors errors = new Errors();
        long t0 = System.nanoTime();
        closed(request, concurrency, measure, rec, done, errors);
        return new Result(done.get(), errors.total(), (System.nanoTime() - t0) / 1e9, rec.getIntervalHistogram(),
                errors.byKind());
    }

    private void closed(HttpRequest request, int concurrency, Duration length, Recorder rec, AtomicLong done,
                        Errors errors) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            if (!slots.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                continue;
            }
            send(request, Until.COMPLETE, System.nanoTime(), rec, done, errors).whenComplete((r, e) -> slots.release());
        }
        slots.acquire(concurrency); // the last answers
    }

    /**
     * As {@link #closedLoop(HttpRequest, int, Duration, Duration)}, a {@code POST} of {@code json}, each of
     * {@code concurrency} threads sending over its own keep-alive connection and waiting for the answer.
     */
    public Result closedLoop(URI url, String json, int concurrency, Duration warmup, Duration measure)
            throws InterruptedException {
        return overKeepAlive(url, json, concurrency, LoadGenerator::rawClosed, warmup, measure);
    }

    /** One phase of a run over keep-alive connections: every connection's worker sends for {@code length}. */
    @FunctionalInterface
    private interface RawPhase {
        void run(ExecutorService workers, List<KeepAliveConnection> connections, byte[] request, Duration length,
                 Recorder rec, AtomicLong done, Errors errors) throws InterruptedException;
    }

    /**
     * A warm-up phase, then a measured one, each worker with its own keep-alive connection; the rate is over
     * at least the measured length (an open loop may finish early when its last answers come fast).
     */
    private static Result overKeepAlive(URI url, String json, int connectionCount, RawPhase phase, Duration warmup,
                                        Duration measure) throws InterruptedException {
        byte[] request = KeepAliveConnection.post(url, json);
        ExecutorService workers = Executors.newFixedThreadPool(connectionCount);
        try {
            List<KeepAliveConnection> connections = new ArrayList<>();
            for (int i = 0; i < connectionCount; i++) {
                connections.add(new KeepAliveConnection(url, 30_000));
            }
            phase.run(workers, connections, request, warmup, new Recorder(3), new AtomicLong(), new Errors());
            Recorder rec = new Recorder(3);
            AtomicLong done = new AtomicLong();
            Errors errors = new Errors();
            long t0 = System.nanoTime();
            phase.run(workers, connections, request, measure, rec, done, errors);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Result r = new Result(done.get(), errors.total(), Math.max(seconds, measure.toNanos() / 1e9),
                    rec.getIntervalHistogram(), errors.byKind());
            connections.forEach(KeepAliveConnection::close);
            return r;
        } finally {
            workers.shutdownNow();
        }
    }

    private static void rawClosed(ExecutorService workers, List<KeepAliveConnection> connections, byte[] request,
                                  Duration length, Recorder rec, AtomicLong done, Errors errors)
            throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        CountDownLatch finished = new CountDownLatch(connections.size());
        for (KeepAliveConnection c : connections) {
            workers.execute(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        rawSend(c, request, t, rec, done, errors);
                    }
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await();
    }

    /**
     * As {@link #openLoop(HttpRequest, Until, int, Duration, Duration)} until the complete answer, a
     * {@code POST} of {@code json} over keep-alive connections: a pacing thread queues each request at its
     * intended time, and {@value #RAW_WORKERS} workers (each with its connection) send them; a request that
     * waits for a free worker is timed from its intended time all the same.
     */
    public Result openLoop(URI url, String json, int rate, Duration warmup, Duration measure)
            throws InterruptedException {
        return overKeepAlive(url, json, RAW_WORKERS, (workers, connections, request, length, rec, done, errors)
                -> rawOpen(workers, connections, request, rate, length, rec, done, errors), warmup, measure);
    }

    private static void rawOpen(ExecutorService workers, List<KeepAliveConnection> connections, byte[] request,
                                int rate, Duration length, Recorder rec, AtomicLong done, Errors errors)
            throws InterruptedException {
        long period = 1_000_000_000L / rate;
        long n = length.toNanos() / period;
        if (n == 0) {
            return;
        }
        long start = System.nanoTime();
        LinkedBlockingQueue<Long> intended = new LinkedBlockingQueue<>();
        long stop = Long.MIN_VALUE; // tells a worker to end
        CountDownLatch finished = new CountDownLatch(connections.size());
        for (KeepAliveConnection c : connections) {
            workers.execute(() -> {
                try {
                    for (long t = intended.take(); t != stop; t = intended.take()) {
                        rawSend(c, request, t, rec, done, errors);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.countDown();
                }
            });
        }
        for (long i = 0; i < n; i++) {
            long t = start + i * period;
            long wait = t - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            intended.add(t);
        }
        for (int i = 0; i < connections.size(); i++) {
            intended.add(stop);
        }
        finished.await();
    }

    private static void rawSend(KeepAliveConnection c, byte[] request, long intended, Recorder rec, AtomicLong done,
                                Errors errors) {
        try {
            int status = c.send(request);
            if (status == 200) {
                rec.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                done.incrementAndGet();
            } else {
                errors.add("status " + status);
            }
        } catch (java.net.SocketTimeoutException e) {
            errors.add("timeout");
        } catch (java.io.IOException e) {
            errors.add(e.getClass().getSimpleName());
        }
    }

    private CompletableFuture<?> send(HttpRequest request, Until until, long intended, Recorder rec, AtomicLong done,
                                      Errors errors) {
        CompletableFuture<String> ok; // null when good, else the kind of error
        if (until == Until.COMPLETE) {
            ok = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(r -> r.statusCode() == 200 ? null : "status " + r.statusCode());
        } else {
            int chars = until == Until.FIRST_TOKEN ? 1 : holdbackChars + 1;
            ContentWatcher w = new ContentWatcher(chars);
            // The response itself completes only at the end of the stream; the watcher completes at the token.
            client.sendAsync(request, info -> {
                if (info.statusCode() != 200) {
                    w.reached.complete("status " + info.statusCode());
                }
                return HttpResponse.BodySubscribers.fromLineSubscriber(w);
            }).whenComplete((r, e) -> {
                if (e != null) {
                    w.reached.completeExceptionally(e);
                } else {
                    w.reached.complete("short stream"); // ended before enough content: no effect once reached
                }
            });
            ok = w.reached;
        }
        return ok.whenComplete((error, e) -> {
            long micros = Math.max(1, (System.nanoTime() - intended) / 1000);
            if (e == null && error == null) {
                rec.recordValue(micros);
                done.incrementAndGet();
            } else {
                errors.add(e != null ? kind(e) : error);
            }
        });
    }

    private static String kind(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof java.net.http.HttpTimeoutException ? "timeout" : t.getClass().getSimpleName();
    }

    /** Errors counted by kind. */
    private static final class Errors {
        private final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();

        void add(String kind) {
            kinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        long total() {
            return kinds.values().stream().mapToLong(LongAdder::sum).sum();
        }

        Map<String, Long> byKind() {
            Map<String, Long> m = new TreeMap<>();
            kinds.forEach((k, v) -> m.put(k, v.sum()));
            return m;
        }
    }

    /**
     * Reads a stream of server-sent events and completes once {@code chars} characters of content have
     * arrived (the clock stops then; the rest of the stream is still read) with null, or with the kind of
     * error when the stream ends first or carries an error.
     */
    private static final class ContentWatcher implements Flow.Subscriber<String> {
        final CompletableFuture<String> reached = new CompletableFuture<>();
        private final int chars;
        private int seen;

        ContentWatcher(int chars) {
            this.chars = chars;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data: ") || reached.isDone()) {
                return;
            }
            if (line.contains("\"error\"")) {
                reached.complete("error event");
                return;
            }
            seen += contentLength(line);
            if (seen >= chars) {
                reached.complete(null);
            }
        }

        @Override
        public void onError(Throwable t) {
            reached.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            reached.complete("short stream");
        }

        /** Characters of {@code "content":"…"} in one event (the answers carry no escapes). */
        static int contentLength(String line) {
            int i = line.indexOf("\"content\":\"");
            if (i < 0) {
                return 0;
            }
            int from = i + 11;
            int to = line.indexOf('"', from);
            return to < 0 ? 0 : to - from;
        }
    }

    /** One request, synchronously, for checks and for the readiness probe. */
    public HttpResponse<String> once(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
