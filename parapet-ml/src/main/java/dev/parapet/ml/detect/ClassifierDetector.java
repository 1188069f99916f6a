package dev.parapet.ml.detect;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.ml.model.SafetyClassifier;
import dev.parapet.ml.model.SafetyScores;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link SafetyClassifier} over a text, window by window, and reports the most unsafe window. Its most
 * likely category gets the window's calibrated unsafe score, so that whether a text is flagged at all depends on
 * the unsafe head alone; the next categories get the joint probability (unsafe score times the category's
 * probability given unsafe), so a second category is only reported as strongly as the model believes in it.
 * A detector may report fewer categories than its model's category head knows. A left-out category is either
 * renormalised away (probability given unsafe and not that category: the text is flagged as before, under a
 * category the detector answers for) or <em>discounted</em>: the model's belief in it says the text is unsafe as
 * something that is not a reported harm, so its share of the unsafe score is taken away (the first category gets
 * the unsafe score times the probability, given unsafe, of the categories that are not discounted). Long texts are
 * windowed ({@link Windows}) and the span of the window is reported; a text that fits one window gets a whole-text
 * finding. Windows outside the model's
 * {@link LanguageScope} are not scored. Immutable and thread-safe.
 */
public final class ClassifierDetector implements Detector {

    /** Scores below this are not reported at all. */
    static final double MIN_REPORTED = 0.01;
    private static final int MAX_CATEGORIES = 3;

    private final String id;
    private final SafetyClassifier classifier;
    private final Set<String> categories;
    private final Set<String> discounted;
    private final LanguageScope scope;

    /**
     * A detector for a model that reads every language.
     *
     * @param id         the detector id
     * @param classifier the model
     * @param categories the canonical categories it reports (those of the model's category head, or fewer)
     */
    public ClassifierDetector(String id, SafetyClassifier classifier, Set<String> categories) {
        this(id, classifier, categories, Set.of(), LanguageScope.ANY);
    }

    /**
     * @param id         the detector id
     * @param classifier the model
     * @param categories the canonical categories it reports (those of the model's category head, or fewer)
     * @param discounted left-out categories whose share of the unsafe score is taken away (see the class comment)
     * @param scope      the windows the model can read; the others are not scored
     */
    public ClassifierDetector(String id, SafetyClassifier classifier, Set<String> categories, Set<String> discounted,
                              LanguageScope scope) {
        if (discounted.stream().anyMatch(categories::contains)) {
            throw new IllegalArgumentException("a discounted category cannot be reported too: " + discounted);
        }
        this.id = id;
        this.classifier = classifier;
        this.categories = Set.copyOf(categories);
        this.discounted = Set.copyOf(discounted);
        this.scope = scope;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<String> categories() {
        return categories;
    }

    @Override
    public Cost cost() {
        return Cost.MODEL;
    }

    public SafetyClassifier classifier() {
        return classifier;
    }

    @Override
    public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
        String original = text.original();
        if (original.isBlank()) {
            return List.of();
        }
        List<Span> windows = Windows.of(original, classifier.windowChars());
        SafetyScores best = null;
        Span bestSpan = null;
        for (Span w : windows) {
            deadline.check();
            String window = w.of(original);
            if (!scope.reads(content, window)) {
                continue;
            }
            SafetyScores s = classifier.score(window);
            if (best == null || s.unsafe() > best.unsafe()) {
                best = s;
                bestSpan = w;
            }
        }
        if (best == null || best.unsafe() < MIN_REPORTED) {
            return List.of();
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>();
        double reported = 0;
        double discountedShare = 0; // probability given unsafe of the discounted categories
        for (var e : best.categories().entrySet()) {
            if (categories.contains(e.getKey())) {
                ranked.add(e);
                reported += e.getValue();
            }
            discountedShare += discounted.contains(e.getKey()) ? e.getValue() : 0;
        }
        if (ranked.isEmpty() || !(reported > 0)) {
            return List.of();
        }
        // Exactly 1 when nothing is discounted, whatever order the probabilities are summed in.
        double kept = Math.max(0, 1 - discountedShare);
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        boolean whole = windows.size() == 1;
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_CATEGORIES, ranked.size()); i++) {
            var e = ranked.get(i);
            double given = e.getValue() / reported;
            double score = best.unsafe() * (i == 0 ? kept : given * kept);
            if (score < MIN_REPORTED) {
                break;
            }
            String evidence = String.format(Locale.ROOT, "%s: unsafe %.2f, %s %.2f of unsafe%s%s", classifier.name(),
                    best.unsafe(), e.getKey(), given * kept,
                    i == 0 && kept < 0.995 ? String.format(Locale.ROOT, ", %.2f discounted", 1 - kept) : "",
                    whole ? "" : " (window " + bestSpan.start() + "-" + bestSpan.end() + " of " + windows.size() + ")");
            out.add(whole ? new Finding(e.getKey(), score, java.util.Optional.empty(), id, "", evidence)
                    : Finding.at(e.getKey(), score, bestSpan, id, "", evidence));
        }
        return out;
    }
}
