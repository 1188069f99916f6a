package dev.parapet.bench.gateway;

import dev.parapet.server.Gateway;
import dev.parapet.server.config.ConfigLoader;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Heap allocated per chat request by the gateway: a {@link Gateway} (rule pipeline, SQLite audit log) in
 * this JVM, in front of a {@link LoopbackUpstream}, serves sequential chat requests, non-streaming and
 * streaming; the bytes each thread allocated come from {@link com.sun.management.ThreadMXBean}, grouped by
 * thread name, so the gateway's own threads are told apart from the upstream's and the client's (the
 * calling thread). Allocation does not depend on the machine's load, so unlike latency it can be compared
 * between two builds on a busy machine. Run: {@code java -cp parapet-bench/target/benchmarks.jar
 * dev.parapet.bench.gateway.ChatAllocation [requests]}.
 */
public final class ChatAllocation {

    private ChatAllocation() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path dir = Files.createTempDirectory("parapet-chat-allocation");
        try (LoopbackUpstream up = new LoopbackUpstream(0)) {
            Path config = GatewayProcess.writeConfig(dir, "rules", up.baseUrl(), GatewayLoadTest.HOLDBACK);
            try (Gateway g = Gateway.start(ConfigLoader.load(Optional.of(config), Map.of()))) {
                URI url = URI.create(g.url() + "/v1/chat/completions");
                measure("chat", g, url, GatewayLoadTest.CHAT, n);
                measure("chat, stream: true", g, url, GatewayLoadTest.CHAT_STREAM, n);
            }
        }
    }

    private static void measure(String what, Gateway g, URI url, String body, int n) throws Exception {
        byte[] request = KeepAliveConnection.post(url, body);
        try (KeepAliveConnection c = new KeepAliveConnection(url, 10_000)) {
            send(c, request, n); // warm-up: compiled code allocates less than the interpreter
            Map<String, Long> before = allocatedByThreadGroup();
            send(c, request, n);
            Map<String, Long> after = allocatedByThreadGroup();
            System.out.printf(Locale.ROOT, "%s, %,d requests: bytes allocated per request, by thread%n", what, n);
            long gateway = 0;
            for (Map.Entry<String, Long> e : after.entrySet()) {
                long d = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / n;
                if (d > 0) {
                    System.out.printf(Locale.ROOT, "  %-28s %,10d%n", e.getKey(), d);
                }
                if (!e.getKey().equals("loopback-upstream") && !e.getKey().equals("HTTP-Dispatcher")
                        && !e.getKey().equals("main")) {
                    gateway += d;
                }
            }
            System.out.printf(Locale.ROOT, "  %-28s %,10d%n%n", "gateway (all but main, upstream)", gateway);
        }
    }

    private static void send(KeepAliveConnection c, byte[] request, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            int status = c.send(request);
            if (status != 200) {
                throw new IllegalStateException("the gateway answered " + status);
            }
        }
    }

    /** Bytes allocated so far by live threads, summed by name with digits dropped (one pool, one name). */
    private static Map<String, Long> allocatedByThreadGroup() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = mx.getAllThreadIds();
        long[] bytes = mx.getThreadAllocatedBytes(ids);
        java.lang.management.ThreadInfo[] infos = mx.getThreadInfo(ids);
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && bytes[i] >= 0) {
                out.merge(infos[i].getThreadName().replaceAll("[0-9]+", "").replaceAll("[-_]+$", ""), bytes[i], Long::sum);
            }
        }
        return out;
    }
}
