package dev.parapet.agent.bench;

import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.TextNormalizer;

import java.util.List;

/**
 * How the detection benchmarks read a text: as a tool output, by the given injection detectors; flagged when one of
 * them scores {@code prompt_injection} or {@code jailbreak} at the threshold or above.
 *
 * @param detectors  the injection detectors (the text is flagged when any of them is)
 * @param normalizer prepares texts for the detectors
 * @param threshold  the score that flags (the default policy's is 0.5)
 */
record ToolOutputCheck(List<Detector> detectors, TextNormalizer normalizer, double threshold) {

    ToolOutputCheck {
        detectors = List.copyOf(detectors);
    }

    boolean flagged(String text) {
        var analyzed = normalizer.analyze(text);
        Content content = Content.of(text, Role.TOOL);
        for (Detector d : detectors) {
            try {
                for (Finding f : d.detect(content, analyzed, Deadline.none())) {
                    if ((f.category().equals("prompt_injection") || f.category().equals("jailbreak"))
                            && f.score() >= threshold) {
                        return true;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("detector " + d.id() + " failed: " + e.getMessage(), e);
            }
        }
        return false;
    }

    /** The detectors' ids joined by "+", as a benchmark's setting names them. */
    String detectorIds() {
        return String.join("+", detectors.stream().map(Detector::id).toList());
    }
}
