package dev.parapet.eval.metric;

/**
 * Decision and ranking quality of one filter on one group of examples.
 *
 * @param confusion counts at the decision threshold
 * @param ranking   threshold-free measures over the scores
 */
public record Metrics(Confusion confusion, Ranking ranking) {

    /** From labels, decisions and scores of the same examples. */
    public static Metrics of(boolean[] positive, boolean[] flagged, double[] scores) {
        return new Metrics(Confusion.of(positive, flagged), Ranking.of(positive, scores));
    }
}
