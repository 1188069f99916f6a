package dev.parapet.server.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's counters and histograms, written in the Prometheus text exposition format (0.0.4).
 *
 * <p>Hand-written on purpose: the gateway needs only labelled counters and fixed-bucket histograms, and
 * the official client's text-format module brings a shaded protobuf runtime and a registry model that is
 * larger than this class. Lock-free ({@link LongAdder}s); thread-safe.
 */
public final class Metrics {

    /** Latency buckets in seconds: sub-millisecond checks up to slow upstream answers. */
    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
            1, 2.5, 5, 10, 30};

    private final Family requests = new Family("parapet_requests_total", "counter",
            "HTTP requests by endpoint and status.", "endpoint", "status");
    private final Family decisions = new Family("parapet_decisions_total", "counter",
            "Decisions by direction (input, output) and action.", "direction", "action");
    private final Family categories = new Family("parapet_decision_categories_total", "counter",
            "Flagged categories in decisions, by category and the decision's action.", "category", "action");
    private final Family failOpen = new Family("parapet_fail_open_total", "counter",
            "Content let through because a check failed and the configuration fails open.", "reason");
    private final Family upstreamErrors = new Family("parapet_upstream_errors_total", "counter",
            "Failed calls to the upstream model server, by kind.", "kind");
    private final Family toolCalls = new Family("parapet_tool_calls_total", "counter",
            "Tool calls in upstream answers checked by the agent guard, by the guard's action.", "action");
    private final Family toolCallReasons = new Family("parapet_tool_call_reasons_total", "counter",
            "Reasons the agent guard gave on tool calls, by reason code.", "code");
    private final Family requestLatency = new Family("parapet_request_duration_seconds", "histogram",
            "Time to answer a request (whole stream for streaming), by endpoint.", "endpoint");
    private final Family checkLatency = new Family("parapet_check_duration_seconds", "histogram",
            "Time spent in the safety pipeline per checked content, by direction.", "direction");

    public void request(String endpoint, int status, double seconds) {
        requests.counter(endpoint, Integer.toString(status)).increment();
        requestLatency.histogram(endpoint).observe(seconds);
    }

    public void decision(String direction, String action, Iterable<String> flaggedCategories, double checkSeconds) {
        decisions.counter(direction, action).increment();
        for (String c : flaggedCategories) {
            categories.counter(c, action).increment();
        }
        checkLatency.histogram(direction).observe(checkSeconds);
    }

    /** One tool call checked by the agent guard: its action and the codes of its reasons. */
    public void toolCall(String action, Iterable<String> reasonCodes) {
        toolCalls.counter(action).increment();
        for (String c : reasonCodes) {
            toolCallReasons.counter(c).increment();
        }
    }

    public void failOpen(String reason) {
        failOpen.counter(reason).increment();
    }

    public void upstreamError(String kind) {
        upstreamErrors.counter(kind).increment();
    }

    /** How many times content failed open for a reason (for tests and the console). */
    public long failOpenCount(String reason) {
        return failOpen.count(reason);
    }

    public long upstreamErrorCount(String kind) {
        return upstreamErrors.count(kind);
    }

    /** The exposition text. */
    public String scrape() {
        StringBuilder sb = new StringBuilder(4096);
        for (Family f : List.of(requests, decisions, categories, toolCalls, toolCallReasons, failOpen, upstreamErrors,
                requestLatency, checkLatency)) {
            f.write(sb);
        }
        return sb.toString();
    }

    /** One metric name with its labelled series. */
    private static final class Family {
        private final String name;
        private final String type;
        private final String help;
        private final String[] labels;
        private final Map<List<String>, Object> series = new ConcurrentHashMap<>();

        Family(String name, String type, String help, String... labels) {
            this.name = name;
            this.type = type;
            this.help = help;
            this.labels = labels;
        }

        LongAdder counter(String... values) {
            return (LongAdder) series.computeIfAbsent(List.of(values), k -> new LongAdder());
        }

        Histogram histogram(String... values) {
            return (Histogram) series.computeIfAbsent(List.of(values), k -> new Histogram());
        }

        long count(String... values) {
            Object o = series.get(List.of(values));
            return o instanceof LongAdder a ? a.sum() : 0;
        }

        void write(StringBuilder sb) {
            sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
            sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
            List<Map.Entry<List<String>, Object>> sorted = new ArrayList<>(series.entrySet());
            sorted.sort((a, b) -> String.join("\u0000", a.getKey()).compareTo(String.join("\u0000", b.getKey())));
            for (Map.Entry<List<String>, Object> e : sorted) {
                String lbl = labelText(e.getKey());
                if (e.getValue() instanceof LongAdder a) {
                    sb.append(name).append('{').append(lbl).append("} ").append(a.sum()).append('\n');
                } else {
                    Histogram h = (Histogram) e.getValue();
                    String base = name;
                    long cumulative = 0;
                    for (int i = 0; i < BUCKETS.length; i++) {
                        cumulative += h.buckets[i].sum();
                        sb.append(base).append("_bucket{").append(lbl).append(",le=\"").append(number(BUCKETS[i]))
                                .append("\"} ").append(cumulative).append('\n');
                    }
                    cumulative += h.buckets[BUCKETS.length].sum();
                    sb.append(base).append("_bucket{").append(lbl).append(",le=\"+Inf\"} ").append(cumulative).append('\n');
                    sb.append(base).append("_sum{").append(lbl).append("} ").append(number(h.sum.sum())).append('\n');
                    sb.append(base).append("_count{").append(lbl).append("} ").append(cumulative).append('\n');
                }
            }
        }

        private String labelText(List<String> values) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < labels.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(labels[i]).append("=\"").append(escape(values.get(i))).append('"');
            }
            return sb.toString();
        }
    }

    /** Counts per bucket (not cumulative; summed at scrape) and the sum of observations. */
    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length + 1];
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double v) {
            int i = 0;
            while (i < BUCKETS.length && v > BUCKETS[i]) {
                i++;
            }
            buckets[i].increment();
            sum.add(v);
        }
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        return String.format(Locale.ROOT, "%s", d);
    }
}
