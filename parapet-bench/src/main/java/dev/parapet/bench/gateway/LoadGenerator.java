package dev.parapet.bench.gateway;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives HTTP load over {@link KeepAliveConnection}s: blocking workers, each with its own connection, which
 * cost the shared cores far less than the JDK's asynchronous client. {@link #openLoop} sends at a constant
 * rate whether or not earlier answers have arrived, and measures each latency from the request's
 * <em>intended</em> send time, so a stall shows up in the percentiles instead of silently lowering the rate
 * (no coordinated omission); a streamed answer is timed to a point in its content. {@link #closedLoop}
 * keeps a fixed number of requests in flight to find the highest rate.
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

    /** Connections (and threads) an open loop of whole answers sends on. */
    static final int RAW_WORKERS = 32;
    /**
     * Connections for an open loop of streams: a stream holds its worker for its whole length (about 0.2 s
     * here), so a rate of 200 streams/s keeps about 40 busy; a request that waits for a free worker is
     * still timed from its intended send time.
     */
    static final int STREAM_WORKERS = 128;

    private final int holdbackChars;

    /** @param holdbackChars for {@link Until#CHARS_PAST_HOLDBACK}: stop once more than this much content arrived */
    public LoadGenerator(int holdbackChars) {
        this.holdbackChars = holdbackChars;
    }

    /**
     * Keeps {@code concurrency} requests in flight (a {@code POST} of {@code json}, each of {@code concurrency}
     * threads sending over its own keep-alive connection and waiting for the whole answer) for
     * {@code warmup}, then for {@code measure}.
     */
    public Result closedLoop(URI url, String json, int concurrency, Duration warmup, Duration measure)
            throws InterruptedException {
        return overKeepAlive(url, json, concurrency, (workers, connections, request, length, rec, done, errors)
                -> closed(workers, connections, sender(request, Until.COMPLETE), length, rec, done, errors), warmup, measure);
    }

    /**
     * Sends a {@code POST} of {@code json} {@code rate} times a second for {@code warmup} (not measured), then
     * for {@code measure}, and waits for the answers: a pacing thread queues each request at its intended
     * time, and workers (each with its connection) send them and time them to {@code until}.
     */
    public Result openLoop(URI url, String json, Until until, int rate, Duration warmup, Duration measure)
            throws InterruptedException {
        int workers = until == Until.COMPLETE ? RAW_WORKERS : STREAM_WORKERS;
        return overKeepAlive(url, json, workers, (pool, connections, request, length, rec, done, errors)
                -> open(pool, connections, sender(request, until), rate, length, rec, done, errors), warmup, measure);
    }

    /** One phase of a run over keep-alive connections: every connection's worker sends for {@code length}. */
    @FunctionalInterface
    private interface Phase {
        void run(ExecutorService workers, List<KeepAliveConnection> connections, byte[] request, Duration length,
                 Recorder rec, AtomicLong done, Errors errors) throws InterruptedException;
    }

    /** Sends one request on a connection and records its latency from {@code intended}, or its error. */
    @FunctionalInterface
    private interface Sender {
        void send(KeepAliveConnection c, long intended, Recorder rec, AtomicLong done, Errors errors);
    }

    /**
     * A warm-up phase, then a measured one, each worker with its own keep-alive connection; the rate is over
     * at least the measured length (an open loop may finish early when its last answers come fast).
     */
    private static Result overKeepAlive(URI url, String json, int connectionCount, Phase phase, Duration warmup,
                                        Duration measure) throws InterruptedException {
        byte[] request = KeepAliveConnection.post(url, json);
        ExecutorService workers = Executors.newFixedThreadPool(connectionCount, r -> {
            Thread t = new Thread(r, "load");
            t.setDaemon(true);
            return t;
        });
        try {
            List<KeepAliveConnection> connections = new ArrayList<>();
            for (int i = 0; i < connectionCount; i++) {
                connections.add(new KeepAliveConnection(url, 30_000));
            }
            phase.run(workers, connections, request, warmup, new Recorder(3), new AtomicLong(), new Errors());
            // The load generator and the fake upstream share this JVM: a collection of its heap during the
            // measurement would pause both and count against the gateway. Start the measurement with it empty.
            System.gc();
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

    private static void closed(ExecutorService workers, List<KeepAliveConnection> connections, Sender sender,
                               Duration length, Recorder rec, AtomicLong done, Errors errors)
            throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        CountDownLatch finished = new CountDownLatch(connections.size());
        for (KeepAliveConnection c : connections) {
            workers.execute(() -> {
                try {
                    while (System.nanoTime() < end) {
                        sender.send(c, System.nanoTime(), rec, done, errors);
                    }
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await();
    }

    private static void open(ExecutorService workers, List<KeepAliveConnection> connections, Sender sender,
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
                        sender.send(c, t, rec, done, errors);
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

    /** Sends {@code request} and times it to the complete answer, or to a point in its streamed content. */
    private Sender sender(byte[] request, Until until) {
        if (until == Until.COMPLETE) {
            return (c, intended, rec, done, errors) -> send(c, request, null, intended, rec, done, errors);
        }
        int chars = until == Until.FIRST_TOKEN ? 1 : holdbackChars + 1;
        return (c, intended, rec, done, errors) -> send(c, request, new ContentWatcher(chars), intended, rec, done,
                errors);
    }

    /** One request; with a watcher, the clock stops when it saw its content (the rest is still read). */
    private static void send(KeepAliveConnection c, byte[] request, ContentWatcher watcher, long intended,
                             Recorder rec, AtomicLong done, Errors errors) {
        try {
            int status = c.send(request, watcher);
            long at = watcher == null ? System.nanoTime() : watcher.reachedAt;
            if (status != 200) {
                errors.add("status " + status);
            } else if (watcher != null && watcher.error) {
                errors.add("error event");
            } else if (at == 0) {
                errors.add("short stream");
            } else {
                rec.recordValue(Math.max(1, (at - intended) / 1000));
                done.incrementAndGet();
            }
        } catch (java.net.SocketTimeoutException e) {
            errors.add("timeout");
        } catch (java.io.IOException e) {
            errors.add(e.getClass().getSimpleName());
        }
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
     * Reads the lines of a stream of server-sent events and notes the time at which {@code chars}
     * characters of content have arrived, or that an event carried an error first. One per request.
     */
    static final class ContentWatcher implements KeepAliveConnection.BodyLines {
        private final int chars;
        private int seen;
        long reachedAt; // System.nanoTime() when reached, else 0
        boolean error;

        ContentWatcher(int chars) {
            this.chars = chars;
        }

        @Override
        public void line(CharSequence line) {
            if (reachedAt != 0 || error || !startsWith(line, "data: ")) {
                return;
            }
            String s = line.toString();
            if (s.contains("\"error\"")) {
                error = true;
                return;
            }
            seen += contentLength(s);
            if (seen >= chars) {
                reachedAt = System.nanoTime();
            }
        }

        private static boolean startsWith(CharSequence s, String prefix) {
            if (s.length() < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (s.charAt(i) != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
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
}
