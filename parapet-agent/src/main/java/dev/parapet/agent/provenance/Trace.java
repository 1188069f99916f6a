package dev.parapet.agent.provenance;

import dev.parapet.agent.Origin;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a value came from.
 *
 * @param grounding how well it is grounded
 * @param origin    the text it was found in (the best one), empty when unseen
 */
public record Trace(Grounding grounding, Optional<Origin> origin) {

    public Trace {
        Objects.requireNonNull(grounding, "grounding");
        Objects.requireNonNull(origin, "origin");
    }

    static Trace of(Grounding g, Origin o) {
        return new Trace(g, Optional.ofNullable(o));
    }

    public String originName() {
        return origin.map(Origin::toString).orElse("the agent");
    }
}
