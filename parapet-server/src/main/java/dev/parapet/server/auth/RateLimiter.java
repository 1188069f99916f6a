package dev.parapet.server.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per minute per client, as token buckets: a client may burst up to its per-minute limit, then
 * gets one request back every {@code 60/limit} seconds. Thread-safe.
 */
public final class RateLimiter {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one request from a client's bucket.
     *
     * @return 0 when allowed, else the seconds to wait before retrying (at least 1)
     */
    public long acquire(String client, int perMinute) {
        if (perMinute <= 0) {
            return 0;
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(perMinute, nanoTime.getAsLong()));
        synchronized (b) {
            long now = nanoTime.getAsLong();
            double refill = (now - b.updated) * (double) perMinute / MINUTE_NANOS;
            b.tokens = Math.min(perMinute, b.tokens + refill);
            b.updated = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            double secondsPerToken = 60.0 / perMinute;
            return Math.max(1, (long) Math.ceil((1 - b.tokens) * secondsPerToken));
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }
    }
}
