package dev.parapet.openness.assess;

/** Solaiman's gradient of generative AI release, from fully closed to fully open. */
public enum Gradient {
    FULLY_CLOSED("fully-closed", "Fully closed"),
    GRADUAL_STAGED("gradual-staged", "Gradual or staged release"),
    HOSTED("hosted", "Hosted access"),
    CLOUD_API("cloud-api", "Cloud-based or API access"),
    DOWNLOADABLE("downloadable", "Downloadable"),
    FULLY_OPEN("fully-open", "Fully open");

    private final String id;
    private final String title;

    Gradient(String id, String title) {
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
