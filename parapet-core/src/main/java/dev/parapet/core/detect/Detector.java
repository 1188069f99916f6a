package dev.parapet.core.detect;

import dev.parapet.core.content.Content;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.AnalyzedText;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds things in content. One detector, one job. Implementations must be thread-safe and
 * immutable once built: the pipeline calls them concurrently.
 */
public interface Detector {

    /** A stable id, used in findings, metrics and policies (e.g. {@code lexicon}, {@code pii}). */
    String id();

    /** The canonical categories this detector may report; lets the pipeline skip it when none matter. */
    Set<String> categories();

    /** How expensive it is; cheaper detectors run first. */
    Cost cost();

    /**
     * Checks one content. Spans in the returned findings are offsets into {@code content.text()}, which
     * is {@code text.original()}; map view offsets back with {@link dev.parapet.core.text.MappedText#toOriginal}.
     *
     * @throws Exception any failure; the pipeline applies the policy's fail mode
     */
    List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) throws Exception;

    /**
     * The detector's {@link Screen}, when it has one: a fast proof that it finds nothing in a plain text.
     * Without one, every text takes the full path. A detector that reads {@code Content.instructions()} answers
     * {@link Screen#mayFind(String, String, dev.parapet.core.content.Role, Optional)} for them.
     */
    default Optional<Screen> screen() {
        return Optional.empty();
    }
}
