package dev.parapet.openness.model;

import java.util.List;

/**
 * One parameter of an index record as the record states it.
 *
 * @param ref   the parameter's reference (e.g. {@code weights_endmodel})
 * @param grade open / partial / closed / blank
 * @param links evidence links
 * @param notes the assessor's notes
 * @param line  1-based source line
 */
public record IndexParameter(String ref, IndexGrade grade, List<String> links, String notes, int line) {
    public IndexParameter {
        links = List.copyOf(links);
        notes = notes == null ? "" : notes.trim();
    }
}
