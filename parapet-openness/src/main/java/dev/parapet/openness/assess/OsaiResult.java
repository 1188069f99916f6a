package dev.parapet.openness.assess;

import dev.parapet.openness.model.IndexGrade;

import java.util.List;
import java.util.Map;

/**
 * The European Open Source AI Index score of a record.
 *
 * @param schema     which parameter set the record uses
 * @param score      mean points over the applicable parameters, 0..1
 * @param points     total points (the original index's sum)
 * @param categories mean points per category (availability, documentation, access)
 * @param parameters each parameter's grade and points
 */
public record OsaiResult(String schema, double score, double points, Map<String, Double> categories,
                         List<Parameter> parameters) {

    /** One graded parameter. */
    public record Parameter(String ref, String name, String category, IndexGrade grade, double points,
                            List<String> links, String notes) {
    }
}
