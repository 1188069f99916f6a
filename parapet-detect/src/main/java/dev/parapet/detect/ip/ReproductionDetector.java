package dev.parapet.detect.ip;

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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds requests to reproduce a named work in full ("Write out the complete lyrics to 'Hello' by Adele", "Provide the
 * entire poem …", "Generate a long passage from …"): category {@code intellectual_property}. Cue rules
 * ({@code reproduction.yaml}, the format of the injection cues) read the normalised view, so a request in disguise is
 * read plainly; the span is that of the request's words in the original text. A user's message only: the request is
 * what is flagged, and the same words in a document or an answer request nothing. Thread-safe and immutable.
 */
public final class ReproductionDetector implements Detector {

    /** The detector id in findings. */
    public static final String ID = "reproduction";
    /** The category of every finding. */
    public static final String CATEGORY = "intellectual_property";

    private final CueMatcher cues;

    /** A detector with {@code rules} (see {@link #shippedRules()} for the format). */
    public ReproductionDetector(List<CueRule> rules, TextNormalizer normalizer) {
        this.cues = new CueMatcher(rules, normalizer);
    }

    /** A detector with the rules shipped with Parapet. */
    public static ReproductionDetector defaults(TextNormalizer normalizer) {
        return new ReproductionDetector(shippedRules(), normalizer);
    }

    /** The rules shipped with Parapet ({@code reproduction.yaml} beside this class). */
    public static List<CueRule> shippedRules() {
        return CueRules.resource(ReproductionDetector.class, "reproduction.yaml", Set.of(CATEGORY));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> categories() {
        return Set.of(CATEGORY);
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
        List<Finding> out = new ArrayList<>();
        List<CueMatcher.Match> matches = cues.find(view.text(), deadline); // sorted by start
        // One finding per request: matches of both rules over the same words become one.
        for (int i = 0; i < matches.size(); ) {
            CueMatcher.Match first = matches.get(i);
            int end = first.end();
            double score = first.rule().weight();
            int j = i + 1;
            for (; j < matches.size() && matches.get(j).start() < end; j++) {
                end = Math.max(end, matches.get(j).end());
                score = Math.max(score, matches.get(j).rule().weight());
            }
            out.add(Finding.at(first.rule().category(), score, view.toOriginal(first.start(), end), ID,
                    first.rule().id(), "asks for a named work in full (" + first.rule().id() + ")"));
            i = j;
        }
        return out;
    }
}
