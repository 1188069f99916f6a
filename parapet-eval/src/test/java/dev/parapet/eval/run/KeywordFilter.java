package dev.parapet.eval.run;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A small real filter for tests: fixed scores for keywords, flagged at 0.5. */
final class KeywordFilter implements Filter {

    @Override
    public String name() {
        return "keywords";
    }

    @Override
    public String configuration() {
        return "test";
    }

    @Override
    public Map<String, Double> thresholds() {
        return Map.of("hate", 0.5, "violent_crimes", 0.5, "prompt_injection", 0.5);
    }

    @Override
    public Judgement judge(String text, String language) {
        Map<String, Double> scores = new HashMap<>();
        if (text.contains("hate")) scores.put("hate", 0.9);
        if (text.contains("kill")) scores.put("violent_crimes", 0.6);
        if (text.contains("maybe")) scores.put("hate", 0.3);
        if (text.contains("ignore")) scores.put("prompt_injection", 0.8);
        Set<String> flagged = new HashSet<>();
        scores.forEach((k, v) -> {
            if (v >= 0.5) flagged.add(k);
        });
        return new Judgement(scores, flagged, false);
    }
}
