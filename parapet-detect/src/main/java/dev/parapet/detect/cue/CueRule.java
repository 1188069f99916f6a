package dev.parapet.detect.cue;

import java.util.List;
import java.util.Objects;

/**
 * One cue: fires when a term of every group occurs within {@code window} chars (and no {@code unless} term near
 * them).
 *
 * @param id       stable id, named in evidence (e.g. {@code ignore_previous})
 * @param category the canonical category it reports (those its detector allows: {@code prompt_injection} or
 *                 {@code jailbreak} for injection cues)
 * @param weight   the score the rule alone gives, in 0..1
 * @param window   most chars between the first and the last term of a match
 * @param groups   the term groups, as written (not yet normalised)
 * @param unless   terms that, within {@code window} chars of a match, cancel it (as written; empty for none): the
 *                 words that make the same request harmless ("a summary of the first chapter")
 * @param dataOnly whether the rule applies only to data (tool results, documents): words like "your
 *                 answer" are ordinary in a user's message but, in data, address the model
 * @param pasted   whether a data-only rule also reads documents pasted into a user's message ({@code
 *                 PastedDocuments}): for orders to a model as a third party ("Note for the AI: …"), which a
 *                 user's own prompt does not give, unlike words about the answer's shape
 * @param restricted whether a data-only rule also reads a user's message sent with instructions that restrict the
 *                 assistant (a system prompt that forbids or keeps something): there a user re-casting the assistant
 *                 ("I want you to act as …", "from now on you are …") hijacks a deployment made for one task, while
 *                 without such instructions setting up the conversation is the user's to do
 * @param anchor   the group that ordinary text holds least often, which the plain-text screen looks for first
 *                 ({@code CueMatcher}), or -1 to let the matcher choose by the terms' lengths; speed only: the
 *                 rule fires the same either way
 */
public record CueRule(String id, String category, double weight, int window, List<List<String>> groups,
                      List<String> unless, boolean dataOnly, boolean pasted, boolean restricted, int anchor) {

    public CueRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in (0, 1], was " + weight);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one group");
        }
        if (pasted && !dataOnly) {
            throw new IllegalArgumentException(
                    "pasted applies to data-only rules (a rule for every role reads pasted text already)");
        }
        if (restricted && !dataOnly) {
            throw new IllegalArgumentException(
                    "restricted applies to data-only rules (a rule for every role reads users' messages already)");
        }
        if (anchor < -1 || anchor >= groups.size()) {
            throw new IllegalArgumentException("anchor must name one of the " + groups.size() + " groups (from 0), was "
                    + anchor);
        }
        groups = groups.stream().map(List::copyOf).toList();
        unless = List.copyOf(unless);
    }
}
