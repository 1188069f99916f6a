package dev.parapet.agent.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one benchmark setting.
 *
 * @param benchmark             e.g. {@code injecagent}, {@code agentdojo}
 * @param setting               e.g. {@code base/direct_harm}, {@code banking}
 * @param attackerCalls         attacker calls the compromised agent attempted
 * @param attackerAllowed       of those, allowed by the guard
 * @param attackerNeedApproval  of those, sent to a person for approval (counted as stopped)
 * @param attacks               attack cases (one injected goal in one task)
 * @param attacksSucceeded      cases where every attacker call was allowed
 * @param userCalls             calls the faithful agent attempted, with injected data present
 * @param userBlocked           of those, not allowed (blocked or needing approval)
 * @param cleanUserCalls        calls the faithful agent attempted with no injection present
 * @param cleanUserBlocked      of those, not allowed
 */
public record BenchmarkResult(String benchmark, String setting, int attackerCalls, int attackerAllowed,
                              int attackerNeedApproval, int attacks, int attacksSucceeded, int userCalls,
                              int userBlocked, int cleanUserCalls, int cleanUserBlocked) {

    /** Attacker calls allowed / attacker calls attempted. */
    public double attackSuccess() {
        return ratio(attackerAllowed, attackerCalls);
    }

    /** Attack cases whose every call was allowed / attack cases. */
    public double attackCaseSuccess() {
        return ratio(attacksSucceeded, attacks);
    }

    /** User calls not allowed / user calls attempted, with injected data present. */
    public double utilityLoss() {
        return ratio(userBlocked, userCalls);
    }

    /** User calls not allowed / attempted, without injections. */
    public double cleanUtilityLoss() {
        return ratio(cleanUserBlocked, cleanUserCalls);
    }

    /** The fields in the JSON shape of {@code parapet eval --suite agents --format json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", benchmark);
        m.put("setting", setting);
        m.put("attack_success", attackSuccess());
        m.put("utility_loss", utilityLoss());
        m.put("attack_case_success", attackCaseSuccess());
        m.put("utility_loss_clean", cleanUtilityLoss());
        m.put("attacker_calls", attackerCalls);
        m.put("attacker_calls_allowed", attackerAllowed);
        m.put("attacker_calls_need_approval", attackerNeedApproval);
        m.put("attacks", attacks);
        m.put("attacks_succeeded", attacksSucceeded);
        m.put("user_calls", userCalls);
        m.put("user_calls_blocked", userBlocked);
        m.put("clean_user_calls", cleanUserCalls);
        m.put("clean_user_calls_blocked", cleanUserBlocked);
        return m;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** Accumulates counts while a benchmark runs. */
    static final class Tally {
        int attackerCalls;
        int attackerAllowed;
        int attackerNeedApproval;
        int attacks;
        int attacksSucceeded;
        int userCalls;
        int userBlocked;
        int cleanUserCalls;
        int cleanUserBlocked;

        BenchmarkResult result(String benchmark, String setting) {
            return new BenchmarkResult(benchmark, setting, attackerCalls, attackerAllowed, attackerNeedApproval,
                    attacks, attacksSucceeded, userCalls, userBlocked, cleanUserCalls, cleanUserBlocked);
        }
    }
}
