package dev.parapet.detect.request;

import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.detect.Screen;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.MappedText;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.detect.cue.CueMatcher;
import dev.parapet.detect.cue.CueRule;
import dev.parapet.detect.cue.CueRules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds, in a user's message, requests for content that a rule can name by its words, which the classifiers miss in
 * new phrasings: a named work in full ({@code reproduction.yaml}: "Write out the complete lyrics to 'Hello' by
 * Adele", "Provide the entire poem …"; {@code intellectual_property}) and explicit sexual writing
 * ({@code explicit.yaml}: "write a sexy story about …", "can you write nsfw fanfic?"; {@code sexual_content}). Cue
 * rules (the format of the injection cues, with {@code unless} terms for the same words asked harmlessly) read the
 * normalised view, so a request in disguise is read plainly; one finding per request, its span that of the request's
 * words in the original text. A user's message only: the same words in a document or an answer request nothing. One
 * matcher for every rule file, so a text is walked once. Thread-safe and immutable.
 */
public final class RequestDetector implements Detector {

    /** The detector id in findings. */
    public static final String ID = "request";
    /** The rule files shipped with Parapet, beside this class. */
    static final List<String> SHIPPED = List.of("reproduction.yaml", "explicit.yaml");
    /** The categories shipped rules may report. */
    static final Set<String> CATEGORIES = Set.of("intellectual_property", "sexual_content");

    private final CueMatcher cues;
    private final Set<String> categories;

    /** A detector with {@code rules} (see {@link #shippedRules()} for the format). */
    public RequestDetector(List<CueRule> rules, TextNormalizer normalizer) {
        this.cues = new CueMatcher(rules, normalizer);
        this.categories = rules.stream().map(CueRule::category).collect(Collectors.toUnmodifiableSet());
    }

    /** A detector with the rules shipped with Parapet. */
    public static RequestDetector defaults(TextNormalizer normalizer) {
        return new RequestDetector(shippedRules(), normalizer);
    }

    /** The rules shipped with Parapet (the files of {@link #SHIPPED}). */
    public static List<CueRule> shippedRules() {
        List<CueRule> rules = new ArrayList<>();
        for (String file : SHIPPED) {
            rules.addAll(CueRules.resource(RequestDetector.class, file, CATEGORIES));
        }
        return List.copyOf(rules);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> categories() {
        return categories;
    }

    @Override
    public Cost cost() {
        return Cost.RULE;
    }

    /** On plain text: a user's message in which every group of a rule has a term. */
    @Override
    public Optional<Screen> screen() {
        return Optional.of((text, lower, role) -> role == Role.USER
                && cues.mayMatch(lower, CueMatcher.Reading.OWN_WORDS));
    }

    @Override
    public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
        if (content.role() != Role.USER) {
            return List.of();
        }
        MappedText view = text.normalized();
        List<CueMatcher.Match> matches = new ArrayList<>(cues.find(view.text(), deadline));
        // One finding per request and category: matches of several rules over the same words become one.
        matches.sort(Comparator.comparing((CueMatcher.Match m) -> m.rule().category())
                .thenComparingInt(CueMatcher.Match::start));
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < matches.size(); ) {
            CueMatcher.Match first = matches.get(i);
            int end = first.end();
            double score = first.rule().weight();
            int j = i + 1;
            for (; j < matches.size() && matches.get(j).rule().category().equals(first.rule().category())
                    && matches.get(j).start() < end; j++) {
                end = Math.max(end, matches.get(j).end());
                score = Math.max(score, matches.get(j).rule().weight());
            }
            out.add(Finding.at(first.rule().category(), score, view.toOriginal(first.start(), end), ID,
                    first.rule().id(), "a request for " + first.rule().category().replace('_', ' ') + " ("
                            + first.rule().id() + ")"));
            i = j;
        }
        return out;
    }
}
