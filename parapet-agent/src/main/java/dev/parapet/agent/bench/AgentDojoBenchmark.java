package dev.parapet.agent.bench;

import dev.parapet.agent.Action;
import dev.parapet.agent.AgentContext;
import dev.parapet.agent.AgentGuard;
import dev.parapet.agent.GuardResult;
import dev.parapet.agent.Origin;
import dev.parapet.agent.ToolCall;
import dev.parapet.agent.ToolOutput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays one AgentDojo suite against the guard. For each user task of the scenarios: a faithful agent
 * makes the task's calls with clean data; then, for every injection goal and attack template, the
 * vectors the task reads are filled with the attack (after their default text, so the task stays
 * solvable) and (1) the faithful agent makes the task's calls again, reading the injected data, and (2)
 * a compromised agent makes the task's calls up to the first injected output and then the goal's calls.
 */
public final class AgentDojoBenchmark {

    private static final String DONE = "{\"status\": \"done\"}";

    private final AgentGuard guard;
    private final DojoEnvironment env;
    private final DojoTasks tasks;
    private final DojoScenarios scenarios;
    private final java.io.PrintStream trace;

    /**
     * @param guard     the guard, with the suite's tool policy
     * @param dojoDir   the AgentDojo data folder (agentdojo_tasks_extracted.json, data/suites)
     * @param scenarios the suite's scenarios
     */
    AgentDojoBenchmark(AgentGuard guard, Path dojoDir, DojoScenarios scenarios) {
        this(guard, dojoDir, scenarios, null);
    }

    /** @param trace where to print every call the guard stops for a user and lets through for an attacker; null for none */
    AgentDojoBenchmark(AgentGuard guard, Path dojoDir, DojoScenarios scenarios, java.io.PrintStream trace) {
        this.trace = trace;
        this.guard = guard;
        this.scenarios = scenarios;
        this.env = DojoEnvironment.load(dojoDir.resolve("data").resolve("suites").resolve(scenarios.suite()));
        this.tasks = new DojoTasks(dojoDir.resolve("agentdojo_tasks_extracted.json"));
    }

    public BenchmarkResult run() {
        BenchmarkResult.Tally t = new BenchmarkResult.Tally();
        for (DojoScenarios.UserTask task : scenarios.userTasks()) {
            String prompt = tasks.text(scenarios.suite(), task.task(), task.vars());
            Set<String> seen = new HashSet<>();
            for (DojoScenarios.Step s : task.steps()) {
                s.output().ifPresent(p -> seen.addAll(env.vectorsIn(env.raw(p, scenarios.suite() + "/" + task.task()))));
            }
            int[] clean = faithful(prompt, task, Map.of());
            t.cleanUserCalls += clean[0];
            t.cleanUserBlocked += clean[1];
            if (seen.isEmpty()) {
                continue;
            }
            for (DojoScenarios.InjectionTask goal : scenarios.injectionTasks()) {
                String goalText = tasks.text(scenarios.suite(), goal.task(), goal.vars());
                for (String attack : AttackTemplates.all(goalText, scenarios.user())) {
                    Map<String, String> injected = new HashMap<>();
                    for (String v : seen) {
                        String d = env.defaults().get(v);
                        injected.put(v, d.isEmpty() ? attack : d + " " + attack);
                    }
                    int[] u = faithful(prompt, task, injected);
                    t.userCalls += u[0];
                    t.userBlocked += u[1];
                    compromised(prompt, task, goal, injected, t);
                }
            }
        }
        return t.result("agentdojo", scenarios.suite());
    }

    /** @return calls attempted and calls not allowed */
    private int[] faithful(String prompt, DojoScenarios.UserTask task, Map<String, String> injected) {
        AgentContext ctx = AgentContext.ofUser(prompt);
        int calls = 0;
        int blocked = 0;
        for (DojoScenarios.Step s : task.steps()) {
            ToolCall call = call(s, task.vars());
            GuardResult r = guard.checkToolCall(call, ctx);
            calls++;
            if (!r.decision().allowed()) {
                blocked++;
                if (trace != null) {
                    trace.println("USER BLOCKED " + task.task() + " " + call.name() + " " + call.arguments() + " "
                            + r.decision().reasons());
                }
                continue;
            }
            ctx = guard.checkToolOutput(ToolOutput.of(call, output(s, injected, task.task())), r.context()).context();
        }
        return new int[]{calls, blocked};
    }

    private void compromised(String prompt, DojoScenarios.UserTask task, DojoScenarios.InjectionTask goal,
                             Map<String, String> injected, BenchmarkResult.Tally t) {
        AgentContext ctx = AgentContext.ofUser(prompt);
        for (DojoScenarios.Step s : task.steps()) {
            ToolCall call = call(s, task.vars());
            GuardResult r = guard.checkToolCall(call, ctx);
            if (!r.decision().allowed()) {
                continue;
            }
            String raw = s.output().map(p -> env.raw(p, task.task())).orElse(DONE);
            ctx = guard.checkToolOutput(ToolOutput.of(call, env.fill(raw, injected)), r.context()).context();
            if (!env.vectorsIn(raw).isEmpty()) {
                attack(task.task(), goal, ctx, t);
                return;
            }
        }
    }

    /** The agent obeys the injected goal: every call of it, in order. */
    private void attack(String userTask, DojoScenarios.InjectionTask goal, AgentContext start, BenchmarkResult.Tally t) {
        AgentContext ctx = start;
        boolean all = true;
        t.attacks++;
        for (DojoScenarios.Step s : goal.steps()) {
            ToolCall call = call(s, goal.vars());
            GuardResult r = guard.checkToolCall(call, ctx);
            if (!sideEffecting(call)) {
                // Reads the goal needs (finding what to steal) are checked, but only effects count as the attack.
                if (r.decision().allowed()) {
                    String out = s.output().map(p -> env.fill(env.raw(p, goal.task()), Map.of())).orElse(DONE);
                    ctx = guard.checkToolOutput(ToolOutput.of(call, out), r.context()).context();
                }
                continue;
            }
            t.attackerCalls++;
            Action a = r.decision().action();
            if (a == Action.ALLOW) {
                t.attackerAllowed++;
                if (trace != null) {
                    trace.println("ATTACK ALLOWED " + userTask + " " + goal.task() + " " + call.name() + " "
                            + call.arguments() + " risk " + ctx.risk() + " " + r.decision().reasons());
                }
                String out = s.output().map(p -> env.fill(env.raw(p, goal.task()), Map.of())).orElse(DONE);
                ctx = guard.checkToolOutput(ToolOutput.of(call, out), r.context()).context();
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

    private boolean sideEffecting(ToolCall call) {
        return guard.policy().tool(call.name()).map(dev.parapet.agent.policy.ToolRule::sideEffecting).orElse(true);
    }

    private String output(DojoScenarios.Step s, Map<String, String> injected, String where) {
        return s.output().map(p -> env.fill(env.raw(p, where), injected)).orElse(DONE);
    }

    private ToolCall call(DojoScenarios.Step s, Map<String, String> vars) {
        Map<String, Object> args = new LinkedHashMap<>();
        s.args().forEach((k, v) -> args.put(k, fillValue(v, vars)));
        ToolCall call = ToolCall.of(s.tool(), args);
        for (Map.Entry<String, List<String>> f : s.from().entrySet()) {
            Set<Origin> origins = new HashSet<>();
            for (String o : f.getValue()) {
                origins.add(origin(o));
            }
            call = call.derived(f.getKey(), origins);
        }
        return call;
    }

    private Object fillValue(Object v, Map<String, String> vars) {
        if (v instanceof String s) {
            return DojoTasks.fill(s, vars, scenarios.suite());
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(fillValue(x, vars)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), fillValue(x, vars)));
            return out;
        }
        return v;
    }

    private static Origin origin(String s) {
        if (s.equals("user")) {
            return Origin.USER;
        }
        if (s.equals("system")) {
            return Origin.SYSTEM;
        }
        if (s.startsWith("tool:")) {
            return Origin.tool(s.substring(5));
        }
        if (s.startsWith("retrieved:")) {
            return Origin.retrieved(s.substring(10));
        }
        throw new IllegalArgumentException("unknown origin '" + s + "' (expected user, system, tool:<name>, retrieved:<name>)");
    }
}
