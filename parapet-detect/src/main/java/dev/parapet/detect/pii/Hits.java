package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.MappedText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs scanners over the pattern view of a text and turns their hits into findings on the original. */
final class Hits {

    private Hits() {
    }

    /**
     * Scans {@code text.nfkc()} (the original itself when that view is the identity) with every
     * scanner, keeps the best of overlapping hits and maps them back to original offsets.
     */
    static List<Finding> findings(AnalyzedText text, List<TextScanner> scanners, Deadline deadline,
                                  String category, String detector) {
        MappedText view = text.nfkc();
        String scanned = view.text();
        List<Hit> hits = new ArrayList<>();
        for (TextScanner scanner : scanners) {
            scanner.scan(scanned, deadline, hits);
        }
        List<Finding> findings = new ArrayList<>();
        for (Hit hit : withoutOverlaps(hits)) {
            Span span = view.toOriginal(hit.start(), hit.end());
            findings.add(Finding.at(category, hit.score(), span, detector, hit.label(), hit.evidence()));
        }
        return findings;
    }

    /**
     * Keeps, of hits that overlap, the one with the higher score (then the longer one, then the one
     * found first), and returns the kept hits in text order.
     */
    static List<Hit> withoutOverlaps(List<Hit> hits) {
        if (hits.size() < 2) {
            return hits;
        }
        List<Hit> byStrength = new ArrayList<>(hits);
        byStrength.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparing(Comparator.comparingInt((Hit h) -> h.end() - h.start()).reversed()));
        // Kept hits never overlap, so only the nearest kept hit on either side can clash with a new one.
        TreeMap<Integer, Hit> kept = new TreeMap<>();
        for (Hit hit : byStrength) {
            Map.Entry<Integer, Hit> before = kept.floorEntry(hit.start());
            Map.Entry<Integer, Hit> after = kept.ceilingEntry(hit.start());
            boolean clash = (before != null && before.getValue().overlaps(hit))
                    || (after != null && after.getValue().overlaps(hit));
            if (!clash) {
                kept.put(hit.start(), hit);
            }
        }
        return new ArrayList<>(kept.values());
    }
}
