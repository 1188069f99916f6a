package dev.parapet.packs;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.ml.detect.Windows;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy pack's classifier as a pipeline detector: id {@code pack-<pack id>}, reporting the pack's own
 * category ids. Texts are scored sentence by sentence (see {@link #units}); each category is reported once,
 * with its most likely sentence, when its probability reaches {@code minScore}. Every finding's evidence names the pack's
 * id, version and content hash, so each verdict records which pack produced it.
 */
public final class PackDetector implements Detector {

    /**
     * Characters per window: a few sentences, close to the length of pack examples, so that one bad sentence
     * is not averaged away by the benign text around it (the embedder itself reads up to 128 tokens).
     */
    public static final int WINDOW_CHARS = 200;

    private final ExemplarClassifier classifier;
    private final double minScore;
    private final String id;
    private final Set<String> categories;

    public PackDetector(ExemplarClassifier classifier, double minScore) {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be in 0..1, was " + minScore);
        }
        this.classifier = classifier;
        this.minScore = minScore;
        this.id = "pack-" + classifier.pack().id();
        Set<String> ids = new LinkedHashSet<>();
        classifier.pack().categories().forEach(c -> ids.add(c.id()));
        this.categories = Set.copyOf(ids);
    }

    /** A detector that reports categories at or above {@link PolicyPack#DEFAULT_THRESHOLD}. */
    public PackDetector(ExemplarClassifier classifier) {
        this(classifier, PolicyPack.DEFAULT_THRESHOLD);
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

    @Override
    public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
        String original = content.text();
        if (original.isBlank()) {
            return List.of();
        }
        List<Span> units = units(original);
        Map<String, Double> best = new LinkedHashMap<>();
        Map<String, Span> where = new LinkedHashMap<>();
        for (Span u : units) {
            deadline.check();
            classifier.score(original.substring(u.start(), u.end())).forEach((cat, p) -> {
                if (p > best.getOrDefault(cat, -1.0)) {
                    best.put(cat, p);
                    where.put(cat, u);
                }
            });
        }
        List<Finding> out = new ArrayList<>();
        String provenance = classifier.pack().provenance();
        best.forEach((cat, p) -> {
            if (p >= minScore) {
                String evidence = "pack " + provenance + ": close to the examples of " + cat;
                Span s = where.get(cat);
                out.add(s.start() == 0 && s.end() == original.length()
                        ? Finding.whole(cat, p, id, evidence)
                        : Finding.at(cat, p, s, id, cat, evidence));
            }
        });
        return out;
    }

    /**
     * What gets scored: every sentence (cut into windows when longer than {@link #WINDOW_CHARS}), since pack
     * examples are sentence-sized and one bad sentence is averaged away in a longer embedding; and the whole
     * text too when it is short, for harm that only shows across sentences.
     */
    static List<Span> units(String text) {
        List<Span> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(ULocale.ROOT);
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) s++;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
            if (s == e) {
                continue;
            }
            for (Span w : Windows.of(text.substring(s, e), WINDOW_CHARS)) {
                out.add(new Span(s + w.start(), s + w.end()));
            }
        }
        if (out.size() != 1 && text.length() <= WINDOW_CHARS) {
            out.add(new Span(0, text.length()));
        }
        return out;
    }
}
