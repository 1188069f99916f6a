package dev.parapet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parapet.agent.bench.AgentBenchmarks;
import dev.parapet.agent.bench.BenchmarkResult;
import dev.parapet.eval.run.ExternalSuite;
import dev.parapet.ml.MlDetectors;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code parapet eval --suite agents}: InjecAgent and the AgentDojo suites replayed against the agent guard,
 * reported as attack success and utility loss per benchmark and setting, and BIPIA's injections hidden in contexts
 * (missed injections and flagged clean contexts) for the rule detector alone and with the injection classifier.
 */
final class AgentSuite implements ExternalSuite {

    @Override
    public String name() {
        return "agents";
    }

    @Override
    public int run(Path dataRoot, String format, PrintWriter out, PrintWriter err) throws Exception {
        Path sharedRoot = dataRoot.toAbsolutePath().normalize().getParent();
        if (sharedRoot == null || !Files.isDirectory(dataRoot.resolve("agentic"))) {
            err.println("parapet eval: " + dataRoot.resolve("agentic") + ": no such folder (give the data folder with --data)");
            err.flush();
            return ExitCodes.USAGE;
        }
        // The shipped injection classifier joins the rule detector on BIPIA's hidden injections (its own row).
        List<BenchmarkResult> results = AgentBenchmarks.run(sharedRoot, List.of(MlDetectors.injectionClassifier()));
        if (format.equals("json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("suite", name());
            doc.put("results", results.stream().map(BenchmarkResult::toMap).toList());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            results.forEach(r -> out.println(AgentBenchmarks.describe(r)));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
