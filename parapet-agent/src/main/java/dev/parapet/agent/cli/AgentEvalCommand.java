package dev.parapet.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parapet.agent.bench.AgentBenchmarks;
import dev.parapet.agent.bench.BenchmarkResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs the agent benchmarks (InjecAgent, AgentDojo suites) against the agent guard and prints attack
 * success and utility loss per benchmark and setting. Exit codes: 0 done, 2 usage or missing data.
 */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "Replay InjecAgent and the AgentDojo suites against the agent guard with simulated "
                + "compromised and faithful agents; print attack success and utility loss.",
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
public final class AgentEvalCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared",
            description = "Folder holding data/agentic (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("unknown format '" + format + "' (expected text or json)");
            return 2;
        }
        if (!Files.isDirectory(data)) {
            err.println(data + ": no such folder (give the folder that holds data/agentic with --data)");
            return 2;
        }
        List<BenchmarkResult> results;
        try {
            results = AgentBenchmarks.run(data);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (format.equals("json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("results", results.stream().map(BenchmarkResult::toMap).toList());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            results.forEach(r -> out.println(AgentBenchmarks.describe(r)));
        }
        out.flush();
        return 0;
    }

    /** Runs the command standalone. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new AgentEvalCommand()).execute(args));
    }
}
