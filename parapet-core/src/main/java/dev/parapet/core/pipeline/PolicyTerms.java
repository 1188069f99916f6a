package dev.parapet.core.pipeline;

import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.policy.TermRule;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.MappedText;
import dev.parapet.core.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * A policy's allow-list and deny-list terms, analysed with the pipeline's normaliser so that they match
 * the normalised text (a deny term "acme" also finds "ACME" and "4cme"). Policies hold few terms, so a
 * scan per term is simpler than an automaton and fast enough.
 */
final class PolicyTerms {

    static final String DETECTOR_ID = "policy";

    private final List<String> allow;
    private final List<String> deny;
    private final List<TermRule> denyRules;

    PolicyTerms(Policy policy, TextNormalizer normalizer) {
        this.allow = policy.allowTerms().stream().map(t -> normalizer.analyze(t).normalized().text())
                .filter(t -> !t.isBlank()).toList();
        this.denyRules = policy.denyTerms();
        this.deny = denyRules.stream().map(r -> normalizer.analyze(r.term()).normalized().text()).toList();
    }

    boolean isEmpty() {
        return allow.isEmpty() && deny.isEmpty();
    }

    /** Deny-list hits, as findings with score 1. */
    List<Finding> denyFindings(AnalyzedText text) {
        List<Finding> out = new ArrayList<>();
        for (int k = 0; k < deny.size(); k++) {
            String term = deny.get(k);
            if (term.isBlank()) {
                continue;
            }
            for (MappedText view : text.views()) {
                for (Span s : occurrences(view, term)) {
                    out.add(Finding.at(denyRules.get(k).category(), 1.0, s, DETECTOR_ID, "DENY_TERM",
                            "deny-list term #" + (k + 1) + " of the policy"));
                }
            }
        }
        return out;
    }

    /** Original-text spans covered by allow-list terms. */
    List<Span> allowedSpans(AnalyzedText text) {
        List<Span> out = new ArrayList<>();
        for (String term : allow) {
            for (MappedText view : text.views()) {
                out.addAll(occurrences(view, term));
            }
        }
        return out;
    }

    private static List<Span> occurrences(MappedText view, String term) {
        List<Span> out = new ArrayList<>();
        String s = view.text();
        int from = 0;
        while (true) {
            int at = s.indexOf(term, from);
            if (at < 0) {
                return out;
            }
            int end = at + term.length();
            if ((spaceless(term.charAt(0)) || boundary(s, at - 1))
                    && (spaceless(term.charAt(term.length() - 1)) || boundary(s, end))) {
                out.add(view.toOriginal(at, end));
            }
            from = at + 1;
        }
    }

    /** Scripts written without spaces between words: a term there matches anywhere. */
    private static boolean spaceless(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }
}
