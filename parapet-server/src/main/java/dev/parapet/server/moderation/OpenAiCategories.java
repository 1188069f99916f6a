package dev.parapet.server.moderation;

import dev.parapet.core.taxonomy.Crosswalk;
import dev.parapet.core.taxonomy.Mapping;
import dev.parapet.core.verdict.Verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the 13 OpenAI moderation categories from a canonical verdict through the
 * {@code openai-moderation} crosswalk: a category's score is the highest score of the canonical
 * categories it maps to, and it is flagged when one of them is flagged.
 */
public final class OpenAiCategories {

    private final Map<String, List<String>> canonicalByCode = new LinkedHashMap<>();

    public OpenAiCategories(Crosswalk crosswalk) {
        for (Mapping m : crosswalk.mappings()) {
            canonicalByCode.put(m.code(), m.canonical());
        }
    }

    /** The OpenAI category codes, in the API's order. */
    public List<String> codes() {
        return List.copyOf(canonicalByCode.keySet());
    }

    public Map<String, Double> scores(Verdict v) {
        Map<String, Double> out = new LinkedHashMap<>();
        canonicalByCode.forEach((code, canon) -> {
            double s = 0;
            for (String c : canon) {
                s = Math.max(s, v.score(c));
            }
            out.put(code, s);
        });
        return out;
    }

    public Map<String, Boolean> flags(Verdict v) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        canonicalByCode.forEach((code, canon) ->
                out.put(code, canon.stream().anyMatch(v.flaggedCategories()::contains)));
        return out;
    }
}
