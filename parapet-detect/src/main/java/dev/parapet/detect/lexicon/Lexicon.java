package dev.parapet.detect.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A set of terms to find, and an allow-list of harmless words that contain a term (e.g. "cocktail",
 * "Scunthorpe"): a match that lies inside an allowed word is dropped. Immutable.
 *
 * @param terms   the terms
 * @param allowed harmless words and phrases; they match anywhere, with the same analysis as terms
 */
public record Lexicon(List<Term> terms, List<String> allowed) {

    public Lexicon {
        terms = List.copyOf(terms);
        allowed = List.copyOf(allowed);
        for (String a : allowed) {
            if (Objects.requireNonNull(a, "allowed word").isBlank()) {
                throw new IllegalArgumentException("empty allowed word");
            }
        }
    }

    public static Lexicon of(List<Term> terms) {
        return new Lexicon(terms, List.of());
    }

    /** This lexicon and {@code other} together. */
    public Lexicon plus(Lexicon other) {
        List<Term> t = new ArrayList<>(terms);
        t.addAll(other.terms);
        List<String> a = new ArrayList<>(allowed);
        a.addAll(other.allowed);
        return new Lexicon(t, a);
    }

    /** The terms that pass {@code keep}; the allow-list is kept whole. */
    public Lexicon filter(Predicate<Term> keep) {
        return new Lexicon(terms.stream().filter(keep).toList(), allowed);
    }

    public int size() {
        return terms.size();
    }

    /** The categories of its terms, sorted. */
    public Set<String> categories() {
        Set<String> out = new TreeSet<>();
        terms.forEach(t -> out.add(t.category()));
        return out;
    }

    /** The languages of its terms, sorted. */
    public Set<String> languages() {
        Set<String> out = new TreeSet<>();
        terms.forEach(t -> out.add(t.language()));
        return out;
    }

    /** Term counts by language, then by category. */
    public Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (Term t : terms) {
            out.computeIfAbsent(t.language(), k -> new TreeMap<>()).merge(t.category(), 1, Integer::sum);
        }
        return out;
    }
}
