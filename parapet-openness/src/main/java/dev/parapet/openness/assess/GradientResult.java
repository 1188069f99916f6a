package dev.parapet.openness.assess;

/** Where a release sits on the release gradient, and why. */
public record GradientResult(Gradient level, String reason) {
}
