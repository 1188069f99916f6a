package dev.parapet.openness.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How a component of a release can be reached, from not at all to freely downloadable. Ordered: a later
 * constant is more available than an earlier one.
 */
public enum Availability {
    /** Not released and not described. */
    ABSENT("absent"),
    /** Described (in a paper, card or report) but not released. */
    DESCRIBED("described"),
    /** Released behind a gate: on request, after accepting terms, to approved users. */
    GATED("gated"),
    /** Reachable only through a hosted API or product, never as artefacts. */
    API_ONLY("api-only"),
    /** Downloadable by anyone. */
    DOWNLOADABLE("downloadable");

    private final String id;

    Availability(String id) {
        this.id = id;
    }

    /** The identifier used in manifests and reports. */
    public String id() {
        return id;
    }

    /** True when the artefact itself (not only a description of it) can be obtained. */
    public boolean released() {
        return this == GATED || this == DOWNLOADABLE;
    }

    /** Parses an identifier, tolerating case, spaces and underscores. */
    public static Optional<Availability> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (Availability a : values()) {
            if (a.id.equals(t)) return Optional.of(a);
        }
        return switch (t) {
            case "open", "public", "released", "available" -> Optional.of(DOWNLOADABLE);
            case "on-request", "request", "restricted" -> Optional.of(GATED);
            case "api", "hosted" -> Optional.of(API_ONLY);
            case "documented", "described-only" -> Optional.of(DESCRIBED);
            case "closed", "none", "not-released" -> Optional.of(ABSENT);
            default -> Optional.empty();
        };
    }
}
