package dev.parapet.judge.model;

import java.util.List;

/**
 * A guard model's answer to one ask, in the model's own taxonomy.
 *
 * @param score   how likely the content violates the codes, 0..1: from the first token's log-probabilities when the
 *                server returned them, else 1 for a violation and 0 for none
 * @param codes   the codes of the model's taxonomy the verdict is about (e.g. {@code S1}, {@code Violent},
 *                {@code dangerous_content}); empty when the model found nothing
 * @param summary a short description of the answer for evidence (no content from the text judged)
 */
public record GuardVerdict(double score, List<String> codes, String summary) {

    public GuardVerdict {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in 0..1, was " + score);
        }
        codes = List.copyOf(codes);
    }

    public static GuardVerdict safe(String summary) {
        return new GuardVerdict(0.0, List.of(), summary);
    }
}
