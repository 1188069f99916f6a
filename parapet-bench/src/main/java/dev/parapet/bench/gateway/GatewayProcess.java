package dev.parapet.bench.gateway;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code parapet serve} in its own JVM (the shaded command jar), so that its heap holds only the gateway's
 * objects and not the load generator's. Started with a configuration file written for the run; the start
 * is timed to the {@code listening} line and to the first {@code /readyz} that answers 200. JVM options in
 * {@code PARAPET_JAVA_OPTS} are passed on, as the {@code parapet} launcher does.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final String url;
    private final double listeningSeconds;
    private final double readySeconds;

    private GatewayProcess(Process process, String url, double listeningSeconds, double readySeconds) {
        this.process = process;
        this.url = url;
        this.listeningSeconds = listeningSeconds;
        this.readySeconds = readySeconds;
    }

    /**
     * Starts a gateway and waits until it is ready.
     *
     * @param jar       the shaded {@code parapet.jar}
     * @param dir       a directory for the configuration, the SQLite audit log and the gateway's log
     * @param pipeline  {@code rules} or {@code default}
     * @param upstream  the upstream's base URL
     * @param heap      the {@code -Xmx} value, e.g. {@code 512m}
     */
    public static GatewayProcess start(Path jar, Path dir, String pipeline, String upstream, String heap,
                                       int holdbackChars) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the command first: " + jar + " is missing");
        }
        Path config = writeConfig(dir, pipeline, upstream, holdbackChars);
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-Xmx" + heap));
        cmd.addAll(javaOptions(System.getenv("PARAPET_JAVA_OPTS")));
        cmd.addAll(List.of("-jar", jar.toString(), "serve", "--config", config.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("gateway.log").toFile()).start();
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    int at = line.indexOf("listening on ");
                    if (at >= 0) {
                        int end = line.indexOf(' ', at + 13);
                        listening.complete(line.substring(at + 13, end < 0 ? line.length() : end));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            listening.complete(null);
        }, "gateway-stdout");
        reader.setDaemon(true);
        reader.start();
        String url;
        try {
            url = listening.get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("the gateway did not start in 180 s; see " + dir.resolve("gateway.log"));
        }
        if (url == null) {
            throw new IllegalStateException("the gateway stopped at start (exit " + p.waitFor() + "); see "
                    + dir.resolve("gateway.log"));
        }
        double listeningSeconds = (System.nanoTime() - t0) / 1e9;
        HttpClient probe = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(java.net.URI.create(url + "/readyz")).timeout(Duration.ofSeconds(5))
                .GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            try {
                HttpResponse<Void> r = probe.send(ready, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not accepting yet
            }
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                throw new IllegalStateException("the gateway never became ready; see " + dir.resolve("gateway.log"));
            }
            Thread.sleep(20);
        }
        return new GatewayProcess(p, url, listeningSeconds, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Writes {@code dir/gateway.yaml} for a benchmark gateway: any free port, the given pipeline and upstream,
     * and a SQLite audit log in {@code dir}.
     *
     * @return the configuration file
     */
    static Path writeConfig(Path dir, String pipeline, String upstream, int holdbackChars) throws IOException {
        Files.createDirectories(dir);
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, String.join("\n",
                "server:",
                "  port: 0",
                "pipeline:",
                "  detectors: " + pipeline,
                "chat:",
                "  upstream_url: " + upstream,
                "  holdback_chars: " + holdbackChars,
                "audit:",
                "  database_url: jdbc:sqlite:" + dir.toAbsolutePath().resolve("parapet.db"),
                ""));
        return config;
    }

    /** The JVM options of {@code PARAPET_JAVA_OPTS}, which the {@code parapet} launcher passes too. */
    static List<String> javaOptions(String env) {
        return env == null || env.isBlank() ? List.of() : List.of(env.trim().split("\\s+"));
    }

    public String url() {
        return url;
    }

    /** Seconds from starting the JVM to the line that says where it listens. */
    public double listeningSeconds() {
        return listeningSeconds;
    }

    /** Seconds from starting the JVM to the first 200 from {@code /readyz}. */
    public double readySeconds() {
        return readySeconds;
    }

    /**
     * Java heap in use right after a full collection, in MB (measured with {@code jcmd}): the sum of the
     * heap's spaces as {@code GC.heap_info} lists them, whichever the collector (G1's one heap, the serial
     * and parallel collectors' two generations, ZGC's heap).
     */
    public double heapAfterGcMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        return heapUsedMb(jcmd("GC.heap_info"));
    }

    /** The heap in use, in MB, from the text of {@code jcmd PID GC.heap_info}. */
    static double heapUsedMb(String info) {
        double mb = 0;
        boolean found = false;
        for (String line : info.split("\n")) {
            // Spaces are listed one space in; their parts (eden, regions) deeper; metaspace is not heap.
            String name = line.strip();
            if (!line.startsWith(" ") || line.startsWith("  ") || name.startsWith("Metaspace")
                    || name.startsWith("class space")) {
                continue;
            }
            int used = line.indexOf(" used ");
            if (used >= 0) {
                mb += megabytes(line.substring(used + 6).strip());
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("cannot read the heap from jcmd: " + info);
        }
        return mb;
    }

    /** {@code 36000K, ...} or {@code 38M, ...} in MB. */
    private static double megabytes(String s) {
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        long n = Long.parseLong(s.substring(0, i));
        char unit = i < s.length() ? s.charAt(i) : 'B';
        return switch (unit) {
            case 'K' -> n / 1024.0;
            case 'M' -> n;
            case 'G' -> n * 1024.0;
            default -> n / (1024.0 * 1024.0);
        };
    }

    /** Resident set size of the gateway's process in MB (Linux). */
    public double residentMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }

    /**
     * CPU time the gateway's process has used so far (user and system, all threads), in seconds, from
     * {@code /proc/PID/stat} (clock ticks of 1/100 s, Linux's value on every common platform).
     */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        // Fields after the command name (which may hold spaces) start after the last ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    /** Stops the gateway as a user would (SIGTERM: it drains, then exits). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
