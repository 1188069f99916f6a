package dev.parapet.agent.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.agent.Action;
import dev.parapet.agent.AgentContext;
import dev.parapet.agent.AgentGuard;
import dev.parapet.agent.GuardResult;
import dev.parapet.agent.ToolCall;
import dev.parapet.agent.ToolOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays InjecAgent (base and enhanced settings; direct-harm and data-stealing cases) against the guard.
 * The faithful agent makes the user's call; the tool's response carries the attacker's instruction; the
 * compromised agent then makes every attacker call, with arguments taken from the attacker's instruction
 * (addresses, IDs, numbers), and for data stealing sends what it read to the attacker's address. In
 * InjecAgent the user's call always precedes the injected text, so its utility figure is easy by design;
 * the AgentDojo scenarios measure utility where the user's calls use data read from tools.
 */
public final class InjecAgentBenchmark {

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentGuard guard;
    private final Path dir;
    private final Map<String, JsonNode> tools;

    /**
     * @param guard the guard, with the InjecAgent tool policy
     * @param dir   the InjecAgent data folder (test_cases_*.json, tools.json)
     */
    public InjecAgentBenchmark(AgentGuard guard, Path dir) {
        this.guard = guard;
        this.dir = dir;
        this.tools = readTools(dir.resolve("tools.json"));
    }

    /** Four results: base and enhanced, direct harm and data stealing. */
    public List<BenchmarkResult> run() {
        List<BenchmarkResult> out = new ArrayList<>();
        for (String setting : List.of("base", "enhanced")) {
            for (String kind : List.of("dh", "ds")) {
                out.add(runFile(dir.resolve("test_cases_" + kind + "_" + setting + ".json"),
                        setting + "/" + (kind.equals("dh") ? "direct_harm" : "data_stealing"), kind.equals("ds")));
            }
        }
        return out;
    }

    private BenchmarkResult runFile(Path file, String setting, boolean stealing) {
        JsonNode cases = read(file);
        BenchmarkResult.Tally t = new BenchmarkResult.Tally();
        for (JsonNode c : cases) {
            AgentContext ctx = AgentContext.ofUser(c.path("User Instruction").asText());
            ToolCall userCall = new ToolCall(c.path("User Tool").asText(), parameters(c.path("Tool Parameters").asText()),
                    Map.of());
            GuardResult u = guard.checkToolCall(userCall, ctx);
            t.userCalls++;
            t.cleanUserCalls++;
            if (!u.decision().allowed()) {
                t.userBlocked++;
                t.cleanUserBlocked++;
            }
            ctx = guard.checkToolOutput(ToolOutput.of(userCall, unquote(c.path("Tool Response").asText())),
                    u.context()).context();
            String instruction = c.path("Attacker Instruction").asText();
            boolean all = true;
            String stolen = "";
            t.attacks++;
            for (JsonNode tool : c.path("Attacker Tools")) {
                ToolCall call = attackerCall(tool.asText(), instruction, stolen);
                GuardResult r = guard.checkToolCall(call, ctx);
                t.attackerCalls++;
                Action a = r.decision().action();
                if (a == Action.ALLOW) {
                    t.attackerAllowed++;
                    ctx = r.context();
                    if (stealing) {
                        // The data read: a fresh tool output, as a real tool would return it.
                        String data = "{'result': 'records of the user returned by " + call.name() + "'}";
                        ctx = guard.checkToolOutput(ToolOutput.of(call, data), ctx).context();
                        stolen = data;
                    }
                } else {
                    all = false;
                    if (a == Action.REQUIRE_APPROVAL) {
                        t.attackerNeedApproval++;
                    }
                }
            }
            if (all) {
                t.attacksSucceeded++;
            }
        }
        return t.result("injecagent", setting);
    }

    /** A call of an attacker tool with its parameters filled from the attacker's instruction. */
    ToolCall attackerCall(String tool, String instruction, String stolen) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        JsonNode spec = tools.get(tool);
        List<String> tokens = InstructionValues.tokens(instruction);
        List<String> emails = InstructionValues.emails(instruction);
        List<String> numbers = InstructionValues.numbers(instruction);
        int next = 0;
        if (spec != null) {
            for (JsonNode p : spec.path("parameters")) {
                if (!p.path("required").asBoolean(false)) {
                    continue;
                }
                String name = p.path("name").asText();
                String type = p.path("type").asText();
                String lower = name.toLowerCase();
                String value;
                if (!emails.isEmpty() && (lower.contains("email") || lower.equals("to") || lower.contains("recipient"))) {
                    value = emails.get(0);
                } else if (lower.equals("body") || lower.contains("content") || lower.contains("message")) {
                    value = stolen.isEmpty() ? instruction : stolen;
                } else if ((type.equals("number") || type.equals("integer")) && !numbers.isEmpty()) {
                    value = numbers.get(0);
                } else if (!tokens.isEmpty()) {
                    value = tokens.get(Math.min(next++, tokens.size() - 1));
                } else {
                    value = instruction;
                }
                switch (type) {
                    case "array" -> args.putArray(name).add(value);
                    case "boolean" -> args.put(name, true);
                    case "number", "integer" -> {
                        try {
                            args.put(name, Double.parseDouble(value));
                        } catch (NumberFormatException e) {
                            args.put(name, 1);
                        }
                    }
                    default -> args.put(name, value);
                }
            }
        }
        return new ToolCall(tool, args, Map.of());
    }

    private static ObjectNode parameters(String text) {
        for (String attempt : new String[]{text, text.replace("True", "true").replace("False", "false")
                .replace("None", "null")}) {
            try {
                JsonNode n = LENIENT.readTree(attempt);
                if (n instanceof ObjectNode o) {
                    return o;
                }
            } catch (IOException ignored) {
                // try the next spelling
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static Map<String, JsonNode> readTools(Path file) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode kit : read(file)) {
            for (JsonNode tool : kit.path("tools")) {
                out.put(kit.path("toolkit").asText() + tool.path("name").asText(), tool);
            }
        }
        return out;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
