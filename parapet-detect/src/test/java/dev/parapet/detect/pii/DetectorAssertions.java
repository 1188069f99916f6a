package dev.parapet.detect.pii;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.text.UnicodeNormalizer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a detector on a text and checks findings by label and exact original span. */
final class DetectorAssertions {

    /** The normaliser the pipeline runs before detectors: the detectors read its NFKC view. */
    static final TextNormalizer NORMALIZER = new UnicodeNormalizer();

    private final Detector detector;

    DetectorAssertions(Detector detector) {
        this.detector = detector;
    }

    List<Finding> find(String text) {
        try {
            return detector.detect(Content.user(text), NORMALIZER.analyze(text), Deadline.none());
        } catch (Exception e) {
            throw new AssertionError("detector threw on: " + text, e);
        }
    }

    /** Exactly one finding, with this label, covering exactly {@code value} (its first occurrence). */
    Finding findsOnly(String text, String label, String value) {
        List<Finding> findings = find(text);
        int start = text.indexOf(value);
        assertThat(start).as("test value must occur in the text").isGreaterThanOrEqualTo(0);
        assertThat(findings).as("findings in: %s", text).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.label()).as("label in: %s", text).isEqualTo(label);
        assertThat(f.span()).as("span in: %s", text).contains(new Span(start, start + value.length()));
        assertThat(f.detector()).isEqualTo(detector.id());
        assertThat(f.category()).isEqualTo(detector.categories().iterator().next());
        assertThat(f.evidence()).as("evidence must not repeat the value").isNotBlank().doesNotContain(value);
        return f;
    }

    void findsNothing(String text) {
        assertThat(find(text)).as("findings in: %s", text).isEmpty();
    }

    void findsNo(String text, String label) {
        assertThat(find(text)).as("findings in: %s", text).noneMatch(f -> f.label().equals(label));
    }
}
