package dev.parapet.eval.metric;

import java.util.Arrays;

/**
 * The distribution of per-text check times, in milliseconds. Percentiles by the nearest-rank method.
 */
public record Latency(long n, double p50, double p95, double p99, double mean, double max) {

    /** From times in nanoseconds. */
    public static Latency ofNanos(long[] nanos) {
        if (nanos.length == 0) return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        long[] s = nanos.clone();
        Arrays.sort(s);
        double sum = 0;
        for (long v : s) sum += v;
        return new Latency(s.length, ms(rank(s, 0.50)), ms(rank(s, 0.95)), ms(rank(s, 0.99)), sum / s.length / 1e6,
                ms(s[s.length - 1]));
    }

    private static long rank(long[] sorted, double q) {
        int k = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, k - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
