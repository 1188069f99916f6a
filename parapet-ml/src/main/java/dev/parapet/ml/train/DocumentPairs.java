package dev.parapet.ml.train;

import dev.parapet.core.finding.Span;
import dev.parapet.ml.detect.Windows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset of document pairs read as the detector reads long texts. Each pair is a user's message with a pasted
 * document, once as it is (benign: its instructions address people) and once with an instruction to the model
 * added or changed (an injection). The detector scores every window of a long text and keeps the highest, so every
 * window of the benign document is a negative example, and the injection is the one window of the other text that
 * holds the passage where the two differ. Cutting both to their first window instead, as other datasets are, would
 * give the same text twice with both labels whenever the passage lies further on.
 */
final class DocumentPairs {

    private DocumentPairs() {
    }

    /**
     * The training examples of {@code rows}, every one at most {@code maxChars} chars long.
     *
     * @throws IllegalArgumentException when a row has no pair, or a pair is not one benign and one unsafe row that
     *                                  differ
     */
    static List<Example> windows(List<Example> rows, int maxChars) {
        Map<String, Example[]> pairs = new LinkedHashMap<>();
        for (Example e : rows) {
            if (e.pair().isEmpty()) {
                throw new IllegalArgumentException("dataset " + e.dataset() + ": a row has no pair: "
                        + abbreviate(e.text()));
            }
            Example[] p = pairs.computeIfAbsent(e.pair(), k -> new Example[2]);
            int slot = e.unsafe() ? 1 : 0;
            if (p[slot] != null) {
                throw new IllegalArgumentException("dataset " + e.dataset() + ": pair " + e.pair() + " has two "
                        + (e.unsafe() ? "unsafe" : "benign") + " rows");
            }
            p[slot] = e;
        }
        List<Example> out = new ArrayList<>();
        for (var entry : pairs.entrySet()) {
            Example benign = entry.getValue()[0];
            Example attack = entry.getValue()[1];
            if (benign == null || attack == null) {
                throw new IllegalArgumentException("dataset " + rows.get(0).dataset() + ": pair " + entry.getKey()
                        + " needs one benign and one unsafe row");
            }
            if (benign.text().equals(attack.text())) {
                throw new IllegalArgumentException("dataset " + benign.dataset() + ": the two rows of pair "
                        + entry.getKey() + " are the same text");
            }
            for (Span w : Windows.of(benign.text(), maxChars)) {
                out.add(with(benign, w.of(benign.text())));
            }
            out.add(with(attack, around(attack.text(), difference(attack.text(), benign.text()), maxChars)));
        }
        return out;
    }

    /** Where {@code text} differs from {@code other}: between their common beginning and their common end. */
    static Span difference(String text, String other) {
        int n = Math.min(text.length(), other.length());
        int head = 0;
        while (head < n && text.charAt(head) == other.charAt(head)) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && text.charAt(text.length() - 1 - tail) == other.charAt(other.length() - 1 - tail)) {
            tail++;
        }
        return new Span(head, Math.max(head, text.length() - tail));
    }

    /** At most {@code maxChars} chars of {@code text} around {@code span}, centred on it (its start when longer). */
    static String around(String text, Span span, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int room = maxChars - (span.end() - span.start());
        int start = room <= 0 ? span.start() : Math.max(0, Math.min(span.start() - room / 2, text.length() - maxChars));
        return TrainingSet.cut(text, start, Math.min(text.length(), start + maxChars));
    }

    private static Example with(Example e, String text) {
        return new Example(text, e.unsafe(), e.category(), e.lang(), e.dataset(), e.pair());
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
