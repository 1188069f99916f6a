package dev.parapet.openness.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.openness.model.Availability;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.ModelRelease;
import dev.parapet.openness.model.SourceFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a CycloneDX 1.5–1.7 ML-BOM (JSON): the first machine-learning-model component is the release; its
 * licences, model card (datasets, architecture, quantitative analysis, considerations), external references and
 * pedigree become components. Data components of the BOM become training data.
 */
public final class CycloneDxReader {

    private static final Set<String> VERSIONS = Set.of("1.5", "1.6", "1.7");

    public static boolean accepts(JsonNode root) {
        return "CycloneDX".equals(root.path("bomFormat").asText());
    }

    public ModelRelease read(String file, JsonNode root) {
        ModelRelease.Builder b = ModelRelease.builder(file).format(SourceFormat.CYCLONEDX);
        String spec = root.path("specVersion").asText("");
        if (!VERSIONS.contains(spec)) {
            b.issue(0, "CycloneDX specVersion '" + spec + "' is outside 1.5–1.7; read as 1.7");
        }
        JsonNode model = null;
        List<JsonNode> data = new ArrayList<>();
        for (JsonNode c : root.path("components")) {
            String type = c.path("type").asText();
            if (type.equals("machine-learning-model") && model == null) model = c;
            else if (type.equals("data")) data.add(c);
        }
        if (model == null) throw new RecordException(file, 0, "the BOM has no component of type machine-learning-model");
        String group = model.path("group").asText("");
        b.name((group.isEmpty() ? "" : group + "/") + model.path("name").asText(""))
                .version(model.path("version").asText(""))
                .producer(firstNonBlank(model.path("publisher").asText(""), model.path("author").asText(""),
                        model.path("supplier").path("name").asText("")));
        String license = licenses(model.path("licenses"));
        JsonNode ancestors = model.path("pedigree").path("ancestors");
        if (ancestors.isArray() && !ancestors.isEmpty()) b.baseModel(ancestors.get(0).path("name").asText(""));

        String distribution = null;
        for (JsonNode ref : model.path("externalReferences")) {
            String type = ref.path("type").asText();
            String url = ref.path("url").asText("");
            switch (type) {
                case "distribution", "distribution-intake" -> distribution = url;
                case "vcs" -> b.component(new Component(ComponentType.INFERENCE_CODE, Availability.DOWNLOADABLE, url, null, 0));
                case "documentation" -> b.component(new Component(ComponentType.TECHNICAL_REPORT, Availability.DOWNLOADABLE, url, null, 0));
                case "license" -> { }
                default -> { }
            }
        }
        b.component(new Component(ComponentType.WEIGHTS_FINAL,
                distribution != null ? Availability.DOWNLOADABLE : Availability.DESCRIBED,
                distribution == null ? "" : distribution, license, 0));
        JsonNode card = model.path("modelCard");
        if (!card.isMissingNode()) {
            b.component(new Component(ComponentType.MODEL_CARD, Availability.DOWNLOADABLE, "", license, 0));
            JsonNode params = card.path("modelParameters");
            if (params.hasNonNull("modelArchitecture") || params.hasNonNull("architectureFamily")) {
                b.component(new Component(ComponentType.ARCHITECTURE, Availability.DESCRIBED,
                        "", null, 0));
            }
            for (JsonNode d : params.path("datasets")) {
                String url = d.path("contents").path("url").asText("");
                if (!b.has(ComponentType.TRAINING_DATA)) {
                    b.component(new Component(ComponentType.TRAINING_DATA,
                            url.isEmpty() ? Availability.DESCRIBED : Availability.DOWNLOADABLE, url,
                            licenses(d.path("licenses")), 0));
                }
            }
            if (card.path("quantitativeAnalysis").path("performanceMetrics").size() > 0) {
                b.component(new Component(ComponentType.EVALUATION_RESULTS, Availability.DOWNLOADABLE, "", license, 0));
            }
            if (card.has("considerations")) {
                JsonNode cons = card.path("considerations");
                if (cons.has("useCases") || cons.has("ethicalConsiderations") || cons.has("fairnessAssessments")) {
                    b.component(new Component(ComponentType.USAGE_POLICY, Availability.DESCRIBED, "", null, 0));
                }
            }
        } else {
            b.issue(0, "the model component has no modelCard");
        }
        for (JsonNode d : data) {
            if (b.has(ComponentType.TRAINING_DATA)) break;
            String url = "";
            for (JsonNode ref : d.path("externalReferences")) url = ref.path("url").asText(url);
            b.component(new Component(ComponentType.TRAINING_DATA,
                    url.isEmpty() ? Availability.DESCRIBED : Availability.DOWNLOADABLE, url,
                    licenses(d.path("licenses")), 0));
        }
        if (license == null) b.issue(0, "the model component declares no licence");
        return b.build();
    }

    /** CycloneDX licences: a list of {license: {id | name}} or {expression}; several are ANDed. */
    static String licenses(JsonNode licenses) {
        List<String> parts = new ArrayList<>();
        for (JsonNode l : licenses) {
            if (l.hasNonNull("expression")) parts.add(l.get("expression").asText());
            else if (l.path("license").hasNonNull("id")) parts.add(l.path("license").get("id").asText());
            else if (l.path("license").hasNonNull("name")) parts.add(l.path("license").get("name").asText());
        }
        if (parts.isEmpty()) return null;
        if (parts.size() == 1) return parts.get(0);
        return String.join(" AND ", parts.stream().map(p -> p.contains(" ") ? "(" + p + ")" : p).toList());
    }

    private static String firstNonBlank(String... s) {
        for (String x : s) if (x != null && !x.isBlank()) return x;
        return "";
    }
}
