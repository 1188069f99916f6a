package dev.parapet.judge.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Small scanners for guard answers: lines, first words and yes/no probabilities. No regular expressions. */
final class Answers {

    private Answers() {
    }

    /** Non-blank lines, stripped. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                String line = text.substring(start, i).strip();
                if (!line.isEmpty()) {
                    out.add(line);
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** The first run of letters after leading whitespace and markup, lower-cased ("Yes." → "yes"). */
    static String firstWord(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && !Character.isLetter(text.charAt(i)) && i < 64) {
            i++;
        }
        int start = i;
        while (i < n && Character.isLetter(text.charAt(i)) && i - start < 32) {
            i++;
        }
        return text.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /**
     * The probability of {@code yes} over {@code no} at the first answer token, from the log-probabilities the
     * server listed (the softmax over the two, as the model cards compute it); empty when neither is listed.
     */
    static OptionalDouble probability(Map<String, Double> logprobs, String yes, String no) {
        Double lpYes = null;
        Double lpNo = null;
        for (Map.Entry<String, Double> e : logprobs.entrySet()) {
            String token = normalizeToken(e.getKey());
            double lp = e.getValue();
            if (Double.isNaN(lp) || lp > 0) {
                continue;
            }
            if (token.equals(yes) && (lpYes == null || lp > lpYes)) {
                lpYes = lp;
            } else if (token.equals(no) && (lpNo == null || lp > lpNo)) {
                lpNo = lp;
            }
        }
        if (lpYes != null && lpNo != null) {
            double max = Math.max(lpYes, lpNo);
            double y = Math.exp(lpYes - max);
            double nn = Math.exp(lpNo - max);
            return OptionalDouble.of(clamp(y / (y + nn)));
        }
        if (lpYes != null) {
            return OptionalDouble.of(clamp(Math.exp(lpYes)));
        }
        if (lpNo != null) {
            return OptionalDouble.of(clamp(1.0 - Math.exp(lpNo)));
        }
        return OptionalDouble.empty();
    }

    /** Token texts as servers print them: SentencePiece's ▁ and GPT-2's Ġ mark a leading space. */
    private static String normalizeToken(String token) {
        return token.replace('\u2581', ' ').replace('\u0120', ' ').strip().toLowerCase(Locale.ROOT);
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }

    /** A short, single-line description of an answer that is not in the expected format; never the whole answer. */
    static String describe(String answer) {
        if (answer.isBlank()) {
            return "an empty answer";
        }
        String first = lines(answer).get(0);
        return "'" + (first.length() > 40 ? first.substring(0, 40) + "…" : first) + "'";
    }
}
