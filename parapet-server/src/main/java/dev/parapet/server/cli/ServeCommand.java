package dev.parapet.server.cli;

import java.util.function.Function;
import java.util.List;
import dev.parapet.detect.RuleDetectors;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.detect.Detector;
import dev.parapet.server.Gateway;
import dev.parapet.server.auth.KeyHasher;
import dev.parapet.server.config.ConfigException;
import dev.parapet.server.config.ConfigLoader;
import dev.parapet.server.config.GatewayConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code parapet serve}: runs the gateway until it is stopped (Ctrl-C or SIGTERM drain it first). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Parapet gateway: OpenAI-compatible moderation, a guarded chat proxy, audit,",
                "feedback and review. Configuration: the built-in defaults, then --config, then PARAPET_*",
                "environment variables, then --port (see docs/GATEWAY.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "2:configuration or start-up error"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Gateway configuration YAML.")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (overrides the configuration).")
    Integer port;

    @Option(names = "--hash-key", description = "Print a new random API key and the hash to put in auth.keys, then exit.")
    boolean hashKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final Function<TextNormalizer, List<Detector>> detectors;

    /** With the rule detectors. */
    public ServeCommand() {
        this(System.getenv(), RuleDetectors::defaults);
    }

    /** With the given detectors (the {@code parapet} command passes the default pipeline's). */
    public ServeCommand(Function<TextNormalizer, List<Detector>> detectors) {
        this(System.getenv(), detectors);
    }

    /** With a given environment (tests). */
    ServeCommand(Map<String, String> environment) {
        this(environment, RuleDetectors::defaults);
    }

    private ServeCommand(Map<String, String> environment, Function<TextNormalizer, List<Detector>> detectors) {
        this.environment = environment;
        this.detectors = detectors;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (hashKey) {
            String key = KeyHasher.newKey();
            out.println("key:  " + key);
            out.println("hash: " + KeyHasher.hash(key));
            out.flush();
            return 0;
        }
        // Idle upstream connections the JDK keeps for reuse (its default, 5, would make a busy gateway open a
        // new connection for most requests); this process serves only the gateway.
        defaultProperty("http.maxConnections", "256");
        // A request to the upstream is sent in one piece (see Upstream); the JDK would then resend a POST whose
        // reused connection broke, and a completion request is never silently sent twice.
        defaultProperty("sun.net.http.retryPost", "false");
        Gateway gateway;
        try {
            GatewayConfig c = config(Optional.ofNullable(config), port);
            gateway = Gateway.start(c, detectors);
        } catch (ConfigException | IllegalStateException e) {
            err.println("parapet: " + e.getMessage());
            err.flush();
            return 2;
        }
        out.println("Parapet gateway listening on " + gateway.url() + " (Ctrl-C to stop)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "parapet-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    GatewayConfig config(Optional<Path> file, Integer portOverride) {
        GatewayConfig c = ConfigLoader.load(file, environment);
        if (portOverride == null) {
            return c;
        }
        if (portOverride < 0 || portOverride > 65535) {
            throw new ConfigException("--port must be between 0 and 65535, was " + portOverride);
        }
        return c.withPort(portOverride);
    }

    /** Sets a JDK networking property, read once when its class loads, unless the user already set it. */
    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
