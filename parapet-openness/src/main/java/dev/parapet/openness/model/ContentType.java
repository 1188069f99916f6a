package dev.parapet.openness.model;

/**
 * The kind of artefact a component is, which decides the kind of licence that fits it (the Model Openness
 * Framework's code / data / document split; system components are services rather than artefacts).
 */
public enum ContentType {
    CODE("code"), DATA("data"), DOCUMENT("document"), SERVICE("service");

    private final String id;

    ContentType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
