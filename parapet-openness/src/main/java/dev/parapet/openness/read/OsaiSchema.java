package dev.parapet.openness.read;

import java.util.List;
import java.util.Optional;

/**
 * The parameter sets of the European Open Source AI Index: the current 12 parameters, the 14 used until early
 * 2026 (with package and API), and the original "Opening up ChatGPT" 14. Each parameter belongs to a category.
 */
public enum OsaiSchema {
    CURRENT_12(List.of(
            p("datasources_basemodel", "Base Model Data", "availability"),
            p("datasources_endmodel", "End User Model Data", "availability"),
            p("weights_basemodel", "Base Model Weights", "availability"),
            p("weights_endmodel", "End User Model Weights", "availability"),
            p("trainingcode", "Training Code", "availability"),
            p("code", "Code Documentation", "documentation"),
            p("hardware_architecture", "Hardware Architecture", "documentation"),
            p("preprint", "Preprint", "documentation"),
            p("paper", "Paper", "documentation"),
            p("modelcard", "Modelcard", "documentation"),
            p("datasheet", "Datasheet", "documentation"),
            p("licenses", "Licenses", "access"))),
    LEGACY_14(List.of(
            p("datasources_basemodel", "Base Model Data", "availability"),
            p("datasources_endmodel", "End User Model Data", "availability"),
            p("weights_basemodel", "Base Model Weights", "availability"),
            p("weights_endmodel", "End User Model Weights", "availability"),
            p("trainingcode", "Training Code", "availability"),
            p("code", "Code Documentation", "documentation"),
            p("hardware_architecture", "Hardware Architecture", "documentation"),
            p("preprint", "Preprint", "documentation"),
            p("paper", "Paper", "documentation"),
            p("modelcard", "Modelcard", "documentation"),
            p("datasheet", "Datasheet", "documentation"),
            p("package", "Package", "access"),
            p("api", "API and Meta Prompts", "access"),
            p("licenses", "Licenses", "access"))),
    OPENING_UP_CHATGPT(List.of(
            p("opencode", "Open code", "availability"),
            p("llmdata", "LLM data", "availability"),
            p("llmweights", "LLM weights", "availability"),
            p("rldata", "RL data", "availability"),
            p("rlweights", "RL weights", "availability"),
            p("license", "License", "availability"),
            p("code", "Code", "documentation"),
            p("architecture", "Architecture", "documentation"),
            p("preprint", "Preprint", "documentation"),
            p("paper", "Paper", "documentation"),
            p("modelcard", "Model card", "documentation"),
            p("datasheet", "Data sheet", "documentation"),
            p("package", "Package", "access"),
            p("api", "API", "access")));

    /** One parameter: its reference, display name and category. */
    public record Parameter(String ref, String name, String category) {
    }

    private final List<Parameter> parameters;

    OsaiSchema(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public Optional<Parameter> parameter(String ref) {
        return parameters.stream().filter(p -> p.ref().equals(ref)).findFirst();
    }

    /** The schema whose parameters a record uses. */
    public static OsaiSchema detect(java.util.Collection<String> refs) {
        if (refs.contains("opencode") || refs.contains("llmdata")) return OPENING_UP_CHATGPT;
        if (refs.contains("package") || refs.contains("api")) return LEGACY_14;
        return CURRENT_12;
    }

    private static Parameter p(String ref, String name, String category) {
        return new Parameter(ref, name, category);
    }
}
