package dev.parapet.packs;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a pack's classifier recognises its own examples, each judged leave-one-out (by the classifier built
 * without it), so the figures are not trivially perfect.
 *
 * @param categories one result per category, in the pack's order
 */
public record PackEvaluation(List<CategoryResult> categories) {

    /**
     * Confusion counts of one category at {@link PolicyPack#DEFAULT_THRESHOLD}.
     *
     * @param misses examples the classifier got wrong, for the author to look at
     */
    public record CategoryResult(String category, int truePositives, int falsePositives, int falseNegatives,
                                 int trueNegatives, List<ExemplarClassifier.Outcome> misses) {

        public double precision() {
            int d = truePositives + falsePositives;
            return d == 0 ? 0 : (double) truePositives / d;
        }

        public double recall() {
            int d = truePositives + falseNegatives;
            return d == 0 ? 0 : (double) truePositives / d;
        }
    }

    public PackEvaluation {
        categories = List.copyOf(categories);
    }

    public static PackEvaluation of(ExemplarClassifier classifier) {
        List<CategoryResult> out = new ArrayList<>();
        for (PackCategory c : classifier.pack().categories()) {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            List<ExemplarClassifier.Outcome> misses = new ArrayList<>();
            for (ExemplarClassifier.Outcome o : classifier.leaveOneOut(c.id())) {
                boolean actual = o.example().positive();
                boolean predicted = o.predictedPositive();
                if (actual && predicted) tp++;
                else if (!actual && predicted) fp++;
                else if (actual) fn++;
                else tn++;
                if (actual != predicted) {
                    misses.add(o);
                }
            }
            out.add(new CategoryResult(c.id(), tp, fp, fn, tn, misses));
        }
        return new PackEvaluation(out);
    }

    /** Micro-averaged precision over all categories. */
    public double precision() {
        int tp = categories.stream().mapToInt(CategoryResult::truePositives).sum();
        int fp = categories.stream().mapToInt(CategoryResult::falsePositives).sum();
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    /** Micro-averaged recall over all categories. */
    public double recall() {
        int tp = categories.stream().mapToInt(CategoryResult::truePositives).sum();
        int fn = categories.stream().mapToInt(CategoryResult::falseNegatives).sum();
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }
}
