package dev.parapet.openness.model;

/** Where in the AI stack a component lives (after the openness framework's stack of model and system levels). */
public enum Layer {
    DATA("data", "Data"),
    CODE("code", "Code"),
    WEIGHTS("weights", "Weights"),
    DOCUMENTATION("documentation", "Documentation"),
    SYSTEM("system", "System");

    private final String id;
    private final String title;

    Layer(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
