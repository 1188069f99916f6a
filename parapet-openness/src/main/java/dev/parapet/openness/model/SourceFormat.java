package dev.parapet.openness.model;

/** The record formats Parapet reads and writes. */
public enum SourceFormat {
    MOF("mof", "Model Openness Framework YAML"),
    OSAI_INDEX("osai", "European Open Source AI Index YAML"),
    HF_CARD("hf", "Hugging Face model card"),
    CYCLONEDX("cyclonedx", "CycloneDX ML-BOM (JSON)"),
    MANIFEST("parapet", "Parapet openness manifest");

    private final String id;
    private final String title;

    SourceFormat(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static java.util.Optional<SourceFormat> parse(String s) {
        for (SourceFormat f : values()) {
            if (f.id.equalsIgnoreCase(s) || f.name().equalsIgnoreCase(s)) return java.util.Optional.of(f);
        }
        return java.util.Optional.empty();
    }
}
