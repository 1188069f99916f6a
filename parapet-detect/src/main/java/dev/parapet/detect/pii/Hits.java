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
     * Scans {@code text.nfkc()} (the original itself when that view is the identity), with digits of
     * every script read as ASCII digits, with every
     * scanner, keeps the best of overlapping hits and maps them back to original offsets.
     */
    static List<Finding> findings(AnalyzedText text, List<TextScanner> scanners, Deadline deadline,
                                  String category, String detector) {
        MappedText view = withAsciiDigits(text.nfkc());
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
     * The view with decimal digits of other scripts (Arabic-Indic, Devanagari, ...) read as ASCII
     * digits, which NFKC leaves alone; the view itself when it has none.
     */
    static MappedText withAsciiDigits(MappedText view) {
        String s = view.text();
        int first = -1;
        for (int i = 0; i < s.length() && first < 0; i++) {
            if (s.charAt(i) > 127 && Character.isDigit(s.charAt(i))) {
                first = i;
            }
        }
        if (first < 0) {
            return view;
        }
        MappedText.Builder folded = new MappedText.Builder(s.length(), s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char ascii = c > 127 && Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c;
            folded.append(ascii, i, i + 1);
        }
        return MappedText.compose(view, folded.build());
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
