package dev.parapet.agent.bench;

import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Project-written scenarios for one AgentDojo suite: for each user task, the calls a faithful agent
 * makes (tool, arguments, where each argument comes from, and which part of the environment each call
 * returns); for each injection goal, the calls an agent that obeys it makes. Prompts and goals are read
 * from the benchmark's own data at run time; the scenarios hold only the names and values of calls.
 *
 * @param suite          the suite's name
 * @param user           the user's name (signs the attack templates that impersonate the user)
 * @param vars           values for the placeholders in the suite's prompts and goals
 * @param userTasks      the user tasks
 * @param injectionTasks the injection goals
 */
record DojoScenarios(String suite, String user, Map<String, String> vars, List<UserTask> userTasks,
                     List<InjectionTask> injectionTasks) {

    /**
     * One call.
     *
     * @param tool   the tool
     * @param args   its arguments (placeholders like {@code {_ATTACKER_IBAN}} filled from {@code vars})
     * @param from   for computed arguments, the origins they were computed from ({@code user}, {@code tool:x})
     * @param output the environment path the call returns, empty for a call that only acts
     */
    record Step(String tool, Map<String, Object> args, Map<String, List<String>> from, Optional<List<Object>> output) {
    }

    /** A user task; {@code vars} override the suite's for this task's prompt and calls. */
    record UserTask(String task, Map<String, String> vars, List<Step> steps) {
    }

    /** An injection goal; {@code vars} override the suite's for this goal's text and calls. */
    record InjectionTask(String task, Map<String, String> vars, List<Step> steps) {
    }

    static DojoScenarios shipped(String suite) {
        String resource = "agentdojo/" + suite + ".yaml";
        InputStream in = DojoScenarios.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("missing scenarios " + resource));
        }
        return read(Yaml.parse(resource, in));
    }

    static DojoScenarios parse(String source, String yaml) {
        return read(Yaml.parse(source, yaml));
    }

    private static DojoScenarios read(YamlNode root) {
        root.onlyKeys(Set.of("suite", "user", "vars", "user_tasks", "injection_tasks"));
        Map<String, String> vars = new LinkedHashMap<>();
        root.get("vars").ifPresent(v -> v.entries().forEach((k, n) -> vars.put(k, n.string())));
        List<UserTask> users = new ArrayList<>();
        for (YamlNode t : root.require("user_tasks").list()) {
            t.onlyKeys(Set.of("task", "vars", "steps", "note"));
            users.add(new UserTask(t.require("task").string(), vars(t, vars), steps(t.require("steps"))));
        }
        List<InjectionTask> injections = new ArrayList<>();
        for (YamlNode t : root.require("injection_tasks").list()) {
            t.onlyKeys(Set.of("task", "vars", "steps", "note"));
            injections.add(new InjectionTask(t.require("task").string(), vars(t, vars), steps(t.require("steps"))));
        }
        return new DojoScenarios(root.require("suite").string(), root.string("user", "the user"), vars, users,
                injections);
    }

    private static Map<String, String> vars(YamlNode task, Map<String, String> suite) {
        Map<String, String> out = new LinkedHashMap<>(suite);
        task.get("vars").ifPresent(v -> v.entries().forEach((k, n) -> out.put(k, n.string())));
        return out;
    }

    private static List<Step> steps(YamlNode list) {
        List<Step> out = new ArrayList<>();
        for (YamlNode s : list.list()) {
            s.onlyKeys(Set.of("call", "args", "from", "output"));
            Map<String, Object> args = new LinkedHashMap<>();
            s.get("args").ifPresent(a -> a.entries().forEach((k, v) -> args.put(k, plain(v))));
            Map<String, List<String>> from = new LinkedHashMap<>();
            s.get("from").ifPresent(f -> f.entries().forEach((k, v) ->
                    from.put(k, v.isList() ? v.list().stream().map(YamlNode::string).toList() : List.of(v.string()))));
            Optional<List<Object>> output = s.get("output").map(o -> o.list().stream().map(DojoScenarios::plain).toList());
            out.add(new Step(s.require("call").string(), args, from, output));
        }
        return out;
    }

    private static Object plain(YamlNode n) {
        if (n.isMap()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.entries().forEach((k, v) -> m.put(k, plain(v)));
            return m;
        }
        if (n.isList()) {
            return n.list().stream().map(DojoScenarios::plain).toList();
        }
        return n.string();
    }
}
