package dev.parapet.core.pipeline;

import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replaces spans of the original text with stable placeholders such as {@code [EMAIL_1]}: the same value
 * always gets the same number within one text, so a model reading the redacted text can still tell that
 * two mentions are the same person. Overlapping spans are merged; the earliest finding names the merge.
 */
final class Redactor {

    private Redactor() {
    }

    static String redact(String original, List<Finding> findings) {
        List<Finding> spanned = new ArrayList<>();
        for (Finding f : findings) {
            if (f.span().isPresent() && f.span().get().length() > 0) {
                spanned.add(f);
            }
        }
        spanned.sort(Comparator.comparing((Finding f) -> f.span().get()));
        StringBuilder out = new StringBuilder(original.length());
        Map<String, Map<String, Integer>> numbers = new HashMap<>();
        int cursor = 0;
        int i = 0;
        while (i < spanned.size()) {
            Finding first = spanned.get(i);
            Span merged = first.span().get();
            int j = i + 1;
            while (j < spanned.size() && spanned.get(j).span().get().start() < merged.end()) {
                merged = merged.union(spanned.get(j).span().get());
                j++;
            }
            String label = placeholderLabel(first);
            String value = merged.of(original);
            Map<String, Integer> byValue = numbers.computeIfAbsent(label, k -> new HashMap<>());
            int n = byValue.computeIfAbsent(value, v -> byValue.size() + 1);
            out.append(original, cursor, merged.start()).append('[').append(label).append('_').append(n).append(']');
            cursor = merged.end();
            i = j;
        }
        out.append(original, cursor, original.length());
        return out.toString();
    }

    private static String placeholderLabel(Finding f) {
        String raw = f.label().isEmpty() ? f.category() : f.label();
        StringBuilder sb = new StringBuilder(raw.length());
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            sb.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
