package dev.parapet.core.finding;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a detector found.
 *
 * @param category canonical category id (e.g. {@code pii}, {@code hate})
 * @param score    confidence in 0..1
 * @param span     where in the original text, or empty when the finding is about the whole text
 * @param detector id of the detector that produced it
 * @param label    a finer label inside the category, used for redaction placeholders
 *                 (e.g. {@code EMAIL}, {@code CREDIT_CARD}, {@code slur}); may be empty
 * @param evidence a short human-readable reason; never the secret or personal value itself
 */
public record Finding(String category, double score, Optional<Span> span, String detector, String label,
                      String evidence) {

    public Finding {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(detector, "detector");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in 0..1, was " + score);
        }
        span = span == null ? Optional.empty() : span;
        label = label == null ? "" : label;
        evidence = evidence == null ? "" : evidence;
    }

    public static Finding at(String category, double score, Span span, String detector, String label,
                             String evidence) {
        return new Finding(category, score, Optional.of(span), detector, label, evidence);
    }

    public static Finding whole(String category, double score, String detector, String evidence) {
        return new Finding(category, score, Optional.empty(), detector, "", evidence);
    }
}
