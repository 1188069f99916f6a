package dev.parapet.server.agent;

import dev.parapet.agent.Action;
import dev.parapet.agent.Reason;

import java.util.List;

/**
 * The agent guard's decision on one tool call of an upstream answer.
 *
 * @param tool     the tool's name as the model wrote it
 * @param action   allow, require approval or block; the proxy passes only allowed calls (it cannot ask
 *                 anyone for approval)
 * @param reasons  why
 * @param callText the call as written (name, newline, arguments), for the audit hash
 */
public record ToolCallCheck(String tool, Action action, List<Reason> reasons, String callText) {

    public ToolCallCheck {
        reasons = List.copyOf(reasons);
    }

    /** Whether the proxy withholds the call. */
    public boolean withheld() {
        return action != Action.ALLOW;
    }
}
