package dev.parapet.openness.read;

import dev.parapet.core.yaml.YamlNode;
import dev.parapet.openness.model.Availability;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.IndexGrade;
import dev.parapet.openness.model.IndexParameter;
import dev.parapet.openness.model.ModelRelease;
import dev.parapet.openness.model.SourceFormat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads European Open Source AI Index records (12- and 14-parameter formats, and the original "Opening up
 * ChatGPT" format). The graded parameters are kept as they are, for the index score; they are also mapped onto
 * components (open → downloadable, partial → described or gated, closed → absent) so that the other frameworks
 * can be applied.
 */
public final class OsaiIndexReader {

    public static boolean accepts(YamlNode root) {
        if (!root.isMap()) return false;
        Map<String, YamlNode> e = root.entries();
        return (e.containsKey("system") || e.containsKey("project")) && e.containsKey("org");
    }

    public ModelRelease read(String file, YamlNode root) {
        ModelRelease.Builder b = ModelRelease.builder(file).format(SourceFormat.OSAI_INDEX).claimsOpenSource(true);
        Map<String, YamlNode> entries = root.entries();
        Set<String> refs = new HashSet<>(entries.keySet());
        OsaiSchema schema = OsaiSchema.detect(refs);
        YamlNode org = Nodes.map(root, "org", b);
        b.producer(Nodes.text(org, "name", b));
        String license;
        if (schema == OsaiSchema.OPENING_UP_CHATGPT) {
            YamlNode project = Nodes.map(root, "project", b);
            b.name(Nodes.text(project, "name", b)).baseModel(Nodes.text(project, "llmbase", b)).modality("text");
            license = Nodes.text(project, "license", b);
        } else {
            YamlNode system = Nodes.map(root, "system", b);
            if (system == null) throw new RecordException(file, root.line(), "'system' must be a mapping with a name");
            b.name(Nodes.text(system, "name", b)).baseModel(Nodes.text(system, "basemodelname", b))
                    .modality(Nodes.text(system, "type", b)).version(Nodes.text(system, "endmodelname", b));
            license = Nodes.text(system, "endmodellicense", b);
        }
        for (OsaiSchema.Parameter p : schema.parameters()) {
            YamlNode n = entries.get(p.ref());
            if (n == null || n.isNull()) {
                b.indexParameter(new IndexParameter(p.ref(), IndexGrade.BLANK, List.of(), "", root.line()));
                b.issue(root.line(), "index parameter '" + p.ref() + "' is missing; counted as blank");
                continue;
            }
            if (!n.isMap()) {
                b.issue(n.line(), "index parameter '" + p.ref() + "' should be a mapping with class, link, notes");
                b.indexParameter(new IndexParameter(p.ref(), IndexGrade.BLANK, List.of(), "", n.line()));
                continue;
            }
            String cls = Nodes.text(n, "class", b);
            Optional<IndexGrade> grade = IndexGrade.parse(cls);
            if (grade.isEmpty()) {
                b.issue(n.line(), "index parameter '" + p.ref() + "' has unknown class '" + cls + "'; counted as blank");
            }
            b.indexParameter(new IndexParameter(p.ref(), grade.orElse(IndexGrade.BLANK),
                    Nodes.strings(n.get("link").orElse(null)), Nodes.text(n, "notes", b), n.line()));
        }
        ModelRelease partial = b.build();
        mapComponents(partial.indexParameters(), schema, license, b);
        return b.build();
    }

    private static void mapComponents(Map<String, IndexParameter> params, OsaiSchema schema, String license,
                                      ModelRelease.Builder b) {
        boolean legacy = schema == OsaiSchema.OPENING_UP_CHATGPT;
        add(b, ComponentType.TRAINING_DATA, params.get(legacy ? "llmdata" : "datasources_basemodel"), null, true);
        add(b, ComponentType.WEIGHTS_FINAL, params.get(legacy ? "rlweights" : "weights_endmodel"), license, false);
        add(b, ComponentType.TRAINING_CODE, params.get(legacy ? "opencode" : "trainingcode"), null, true);
        add(b, ComponentType.DATA_PROCESSING_CODE, params.get(legacy ? "opencode" : "trainingcode"), null, true);
        add(b, ComponentType.TECHNICAL_REPORT, params.get("preprint"), null, false);
        add(b, ComponentType.RESEARCH_PAPER, params.get("paper"), null, false);
        add(b, ComponentType.MODEL_CARD, params.get("modelcard"), null, false);
        add(b, ComponentType.DATA_CARD, params.get("datasheet"), null, false);
        add(b, ComponentType.INFERENCE_CODE, params.get("package"), null, true);
        IndexParameter api = params.get("api");
        if (api != null && api.grade() != IndexGrade.CLOSED && api.grade() != IndexGrade.BLANK) {
            b.component(new Component(ComponentType.API, Availability.API_ONLY, first(api), null, api.line()));
        }
    }

    private static void add(ModelRelease.Builder b, ComponentType type, IndexParameter p, String license,
                            boolean partialIsDescribed) {
        if (p == null) return;
        Availability a = switch (p.grade()) {
            case OPEN -> Availability.DOWNLOADABLE;
            case PARTIAL -> partialIsDescribed ? Availability.DESCRIBED : Availability.GATED;
            case CLOSED, BLANK -> Availability.ABSENT;
        };
        if (a == Availability.ABSENT) return;
        b.component(new Component(type, a, first(p), license, p.line()));
    }

    private static String first(IndexParameter p) {
        return p.links().isEmpty() ? "" : p.links().get(0);
    }
}
