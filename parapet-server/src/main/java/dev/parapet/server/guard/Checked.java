package dev.parapet.server.guard;

import dev.parapet.core.verdict.Verdict;

/**
 * A verdict with the id of its audit record.
 *
 * @param decisionId the id clients cite in feedback
 * @param verdict    what the pipeline decided
 * @param failedOpen true when a check failed and the content passes because the gateway fails open
 */
public record Checked(String decisionId, Verdict verdict, boolean failedOpen) {
}
