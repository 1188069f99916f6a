package dev.parapet.judge;

/**
 * The uncertainty band of an ensemble: cheap detectors' scores in {@code [low, high)} are escalated to the guard
 * model; below {@code low} the content counts as clean, at or above {@code high} the cheap verdict stands.
 */
public record Band(double low, double high) {

    public Band {
        if (!(low >= 0.0 && low <= high && high <= 1.0)) {
            throw new IllegalArgumentException("band needs 0 <= low <= high <= 1, was [" + low + ", " + high + ")");
        }
    }

    public boolean contains(double score) {
        return score >= low && score < high;
    }
}
