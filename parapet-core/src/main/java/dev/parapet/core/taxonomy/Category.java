package dev.parapet.core.taxonomy;

import java.util.List;

/**
 * A canonical category.
 *
 * @param id          stable snake_case id used everywhere (e.g. {@code hate})
 * @param name        a name for people
 * @param description what it covers
 * @param group       a grouping (physical, non_physical, contextual, parapet)
 * @param codes       the source taxonomy's own codes (e.g. AILuminate {@code hte})
 */
public record Category(String id, String name, String description, String group, List<String> codes) {

    public Category {
        codes = List.copyOf(codes);
    }
}
