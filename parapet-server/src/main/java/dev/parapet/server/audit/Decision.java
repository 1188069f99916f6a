package dev.parapet.server.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One recorded decision: who asked, under which policy, what was found and done, and a hash of the
 * content. The text itself only when the configuration says so.
 *
 * @param id                a random id clients can cite in feedback
 * @param time              when
 * @param client            the API key id, or {@code anonymous@ADDRESS}
 * @param endpoint          which endpoint decided (moderations, check, chat.input, chat.output,
 *                          chat.tool_call)
 * @param role              who wrote the content (system, user, assistant, tool)
 * @param policyId          the policy's id
 * @param policyVersion     the policy's version
 * @param action            allow, flag, redact or block
 * @param flagged           whether anything was flagged
 * @param categories        category → score
 * @param flaggedCategories categories that reached their threshold
 * @param failedOpen        true when a check failed and the content passed because the gateway fails open
 * @param contentSha256     SHA-256 of the content's UTF-8 bytes, hex
 * @param contentLength     length of the content in UTF-16 code units
 * @param text              the content, when stored
 * @param language          the language hint, when known
 * @param reasons           why, when the agent guard decided (a tool call); empty for content decisions
 */
public record Decision(String id, Instant time, String client, String endpoint, String role, String policyId,
                       String policyVersion, String action, boolean flagged, Map<String, Double> categories,
                       Set<String> flaggedCategories, boolean failedOpen, String contentSha256, int contentLength,
                       Optional<String> text, Optional<String> language, List<String> reasons) {

    public Decision {
        categories = Map.copyOf(categories);
        flaggedCategories = Set.copyOf(flaggedCategories);
        reasons = List.copyOf(reasons);
    }
}
