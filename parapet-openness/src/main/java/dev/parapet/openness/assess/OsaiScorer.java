package dev.parapet.openness.assess;

import dev.parapet.openness.model.IndexGrade;
import dev.parapet.openness.model.IndexParameter;
import dev.parapet.openness.model.ModelRelease;
import dev.parapet.openness.read.OsaiSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a record as the European Open Source AI Index does: open 1, partial 0.5, closed or blank 0, averaged
 * over the applicable parameters (and per category over the category's parameters).
 */
public final class OsaiScorer {

    /** The score, or empty when the record carries no index parameters. */
    public Optional<OsaiResult> assess(ModelRelease r) {
        if (!r.hasIndexParameters()) return Optional.empty();
        OsaiSchema schema = OsaiSchema.detect(r.indexParameters().keySet());
        List<OsaiResult.Parameter> params = new ArrayList<>();
        Map<String, double[]> cats = new LinkedHashMap<>();
        double sum = 0;
        for (OsaiSchema.Parameter p : schema.parameters()) {
            IndexParameter ip = r.indexParameters().get(p.ref());
            IndexGrade g = ip == null ? IndexGrade.BLANK : ip.grade();
            params.add(new OsaiResult.Parameter(p.ref(), p.name(), p.category(), g, g.points(),
                    ip == null ? List.of() : ip.links(), ip == null ? "" : ip.notes()));
            sum += g.points();
            double[] c = cats.computeIfAbsent(p.category(), k -> new double[2]);
            c[0] += g.points();
            c[1]++;
        }
        Map<String, Double> categories = new LinkedHashMap<>();
        cats.forEach((k, v) -> categories.put(k, v[0] / v[1]));
        return Optional.of(new OsaiResult(schema.name().toLowerCase(java.util.Locale.ROOT), sum / params.size(), sum,
                categories, params));
    }
}
