package dev.parapet.core.pipeline;

import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.detect.Screen;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.policy.Rule;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.verdict.Verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fast path of a {@link Pipeline}: proves, without analysing the text or running a detector, that
 * a text's verdict is the plain "allow" one (no finding, no reason), which {@link #allow} then builds.
 * A text is cleared when the normaliser proves that it changes the text little ({@link
 * TextNormalizer#plainAnalysis}) and the {@link Screen} of every detector the policy needs on that
 * side says the detector finds nothing in the text and its normalised view.
 * Anything else takes the full path; the verdicts are the same either way, only the time differs.
 *
 * <p>There is no fast path when the policy has deny-list terms (they are matched on the text itself)
 * or when a detector the policy needs has no screen (a classifier, a remote guard model), nor for texts
 * longer than {@link #MAX_CHARS}: on those a detector might run out of its time budget on the full path,
 * and a timeout is an outcome a screen cannot foresee. Immutable and thread-safe.
 */
public final class PipelineScreen {

    /** Longest text the fast path takes: rule detectors check it in well under a millisecond. */
    public static final int MAX_CHARS = 65_536;

    private final Policy policy;
    private final TextNormalizer normalizer;
    private final Screen[] input;  // null when the input side has a detector without a screen
    private final Screen[] output;

    private PipelineScreen(Policy policy, TextNormalizer normalizer, Screen[] input, Screen[] output) {
        this.policy = policy;
        this.normalizer = normalizer;
        this.input = input;
        this.output = output;
    }

    /** The fast path of {@code pipeline}, or empty when it cannot have one (see the class comment). */
    public static Optional<PipelineScreen> of(Pipeline pipeline) {
        Policy policy = pipeline.policy();
        if (!policy.denyTerms().isEmpty()) {
            return Optional.empty();
        }
        Screen[] in = screens(pipeline.detectors(), policy.rules(Role.USER));
        Screen[] out = screens(pipeline.detectors(), policy.rules(Role.ASSISTANT));
        if (in == null && out == null) {
            return Optional.empty();
        }
        return Optional.of(new PipelineScreen(policy, pipeline.normalizer(), in, out));
    }

    /** The screens of the detectors a side's rules need, or null when one of them has none. */
    private static Screen[] screens(List<Detector> detectors, Map<String, Rule> rules) {
        List<Screen> out = new ArrayList<>();
        for (Detector d : detectors) {
            if (!relevant(d.categories(), rules)) {
                continue; // the pipeline skips it too
            }
            Optional<Screen> s = d.screen();
            if (s.isEmpty()) {
                return null;
            }
            out.add(s.get());
        }
        return out.toArray(new Screen[0]);
    }

    private static boolean relevant(Set<String> categories, Map<String, Rule> rules) {
        if (categories.isEmpty()) {
            return true;
        }
        for (String c : categories) {
            if (rules.containsKey(c)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code content} (checked against its instructions, if any) certainly gets the {@link #allow} verdict. */
    public boolean clears(Content content) {
        return clears(content.text(), content.role(), content.instructions());
    }

    /** True when {@code text}, written by {@code role}, certainly gets the {@link #allow} verdict. */
    public boolean clears(String text, Role role) {
        return clears(text, role, Optional.empty());
    }

    private boolean clears(String text, Role role, Optional<String> instructions) {
        Screen[] screens = role.direction() == Role.Direction.OUTPUT ? output : input;
        if (screens == null || text.length() > MAX_CHARS) {
            return false;
        }
        String lower = normalizer.plainViewText(text);
        if (lower == null) {
            return false;
        }
        for (Screen s : screens) {
            if (s.mayFind(text, lower, role, instructions)) {
                return false;
            }
        }
        return true;
    }

    /** The verdict of a cleared text: allow, nothing found, under this policy, with the time it took. */
    public Verdict allow(Duration elapsed) {
        return new Verdict(Action.ALLOW, Map.of(), Set.of(), List.of(), Optional.empty(), List.of(), List.of(),
                policy.id(), policy.version(), elapsed);
    }
}
