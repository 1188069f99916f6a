package dev.parapet.core.taxonomy;

import java.util.List;
import java.util.Optional;

/**
 * How one code of an external taxonomy relates to canonical categories.
 *
 * @param code      the external code (e.g. {@code S10}, {@code hate/threatening})
 * @param name      its name
 * @param canonical the canonical ids it maps to; empty when unmapped on purpose
 * @param relation  exact, broader (the code covers more), narrower (covers less) or partial
 * @param unmappedReason why it maps nowhere, when {@code canonical} is empty
 */
public record Mapping(String code, String name, List<String> canonical, Relation relation,
                      Optional<String> unmappedReason) {

    public Mapping {
        canonical = List.copyOf(canonical);
    }

    public enum Relation { EXACT, BROADER, NARROWER, PARTIAL }
}
