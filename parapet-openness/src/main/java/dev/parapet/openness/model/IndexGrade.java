package dev.parapet.openness.model;

import java.util.Locale;
import java.util.Optional;

/** A grade on one parameter of the European Open Source AI Index. */
public enum IndexGrade {
    OPEN(1.0), PARTIAL(0.5), CLOSED(0.0), BLANK(0.0);

    private final double points;

    IndexGrade(double points) {
        this.points = points;
    }

    /** Points as the index counts them: open 1, partial 0.5, closed or blank 0. */
    public double points() {
        return points;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IndexGrade> parse(String text) {
        if (text == null || text.isBlank()) return Optional.of(BLANK);
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> Optional.of(OPEN);
            case "partial" -> Optional.of(PARTIAL);
            case "closed" -> Optional.of(CLOSED);
            default -> Optional.empty();
        };
    }
}
