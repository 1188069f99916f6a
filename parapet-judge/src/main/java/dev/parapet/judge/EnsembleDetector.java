package dev.parapet.judge;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.AnalyzedText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cheap detectors first, the guard model only where they are unsure. The cheap detectors run on the content; their
 * highest score in the guard's categories decides: at or above the {@link Band}'s high end the cheap findings stand;
 * inside the band the guard model is asked too and its findings are added; below it the content counts as clean,
 * and most contents never pay for the guard. A cheap stage can only vouch for categories it has a detector for:
 * while any of the guard's categories is {@link #uncovered()}, every content below the high end is escalated (so a
 * gap in the cheap stage never becomes a silent allow; narrow the guard's categories or add detectors to close it).
 * The share of contents escalated is counted ({@link #stats()}). A failure of any part throws, so the pipeline's
 * fail mode applies. Thread-safe.
 */
public final class EnsembleDetector implements Detector {

    private final String id;
    private final List<Detector> cheap;
    private final Detector guard;
    private final Band band;
    private final Set<String> categories;
    private final Set<String> uncovered;
    private final AtomicLong checks = new AtomicLong();
    private final AtomicLong escalated = new AtomicLong();

    /**
     * @param id    the ensemble's detector id (must differ from its parts' ids if they also run alone)
     * @param cheap in-JVM detectors, run in order
     * @param guard the guard model detector
     * @param band  scores that count as uncertain
     */
    public EnsembleDetector(String id, List<Detector> cheap, Detector guard, Band band) {
        this.id = Objects.requireNonNull(id, "id");
        this.cheap = List.copyOf(cheap);
        this.guard = Objects.requireNonNull(guard, "guard");
        this.band = Objects.requireNonNull(band, "band");
        for (Detector d : this.cheap) {
            if (d.cost() == Cost.REMOTE) {
                throw new IllegalArgumentException("detector '" + d.id() + "' is remote; an ensemble's first stage "
                        + "must run in the JVM");
            }
        }
        Set<String> all = new LinkedHashSet<>(guard.categories());
        this.cheap.forEach(d -> all.addAll(d.categories()));
        this.categories = Set.copyOf(all);
        Set<String> gaps = new LinkedHashSet<>(guard.categories());
        this.cheap.forEach(d -> gaps.removeAll(d.categories()));
        this.uncovered = Set.copyOf(gaps);
    }

    /** The guard's categories that no cheap detector reports: the cheap stage cannot vouch for them. */
    public Set<String> uncovered() {
        return uncovered;
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
        return Cost.REMOTE;
    }

    public Band band() {
        return band;
    }

    @Override
    public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) throws Exception {
        checks.incrementAndGet();
        List<Finding> findings = new ArrayList<>();
        for (Detector d : cheap) {
            List<Finding> found = d.detect(content, text, deadline);
            if (found != null) {
                findings.addAll(found);
            }
        }
        double score = 0.0;
        Set<String> guarded = guard.categories();
        for (Finding f : findings) {
            if (guarded.isEmpty() || guarded.contains(f.category())) {
                score = Math.max(score, f.score());
            }
        }
        boolean unsure = score >= band.low() || !uncovered.isEmpty();
        if (unsure && score < band.high()) {
            escalated.incrementAndGet();
            List<Finding> judged = guard.detect(content, text, deadline);
            if (judged != null) {
                findings.addAll(judged);
            }
        }
        return findings;
    }

    /** How many checks were escalated to the guard model so far. */
    public EscalationStats stats() {
        return new EscalationStats(checks.get(), escalated.get());
    }
}
