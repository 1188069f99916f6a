package dev.parapet.openness.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The components of an AI release at the model level (the Model Openness Framework's 17) and the system level
 * (product, APIs, safeguards, infrastructure). Each knows its MOF name, class and whether the MOF requires it.
 */
public enum ComponentType {
    TRAINING_DATA("training-data", "Datasets", Layer.DATA, ContentType.DATA, 1, true),
    EVALUATION_DATA("evaluation-data", "Evaluation data", Layer.DATA, ContentType.DATA, 2, true),
    DATA_PROCESSING_CODE("data-processing-code", "Data preprocessing code", Layer.CODE, ContentType.CODE, 1, true),
    TRAINING_CODE("training-code", "Training code", Layer.CODE, ContentType.CODE, 2, true),
    INFERENCE_CODE("inference-code", "Inference code", Layer.CODE, ContentType.CODE, 2, true),
    EVALUATION_CODE("evaluation-code", "Evaluation code", Layer.CODE, ContentType.CODE, 2, true),
    SUPPORTING_LIBRARIES("supporting-libraries", "Supporting libraries and tools", Layer.CODE, ContentType.CODE, 2, false),
    ARCHITECTURE("architecture", "Model architecture", Layer.CODE, ContentType.CODE, 3, true),
    WEIGHTS_FINAL("weights-final", "Model parameters (Final)", Layer.WEIGHTS, ContentType.DATA, 3, true),
    WEIGHTS_INTERMEDIATE("weights-intermediate", "Model parameters (Intermediate)", Layer.WEIGHTS, ContentType.DATA, 1, true),
    MODEL_METADATA("model-metadata", "Model metadata", Layer.WEIGHTS, ContentType.DATA, 1, false),
    MODEL_CARD("model-card", "Model card", Layer.DOCUMENTATION, ContentType.DOCUMENT, 3, true),
    DATA_CARD("data-card", "Data card", Layer.DOCUMENTATION, ContentType.DOCUMENT, 3, true),
    TECHNICAL_REPORT("technical-report", "Technical report", Layer.DOCUMENTATION, ContentType.DOCUMENT, 3, true),
    RESEARCH_PAPER("research-paper", "Research paper", Layer.DOCUMENTATION, ContentType.DOCUMENT, 1, true),
    EVALUATION_RESULTS("evaluation-results", "Evaluation results", Layer.DOCUMENTATION, ContentType.DOCUMENT, 3, true),
    SAMPLE_OUTPUTS("sample-outputs", "Sample model outputs", Layer.DOCUMENTATION, ContentType.DOCUMENT, 3, false),
    PRODUCT("product", "Product and user interface", Layer.SYSTEM, ContentType.SERVICE, 0, false),
    API("api", "API and access terms", Layer.SYSTEM, ContentType.SERVICE, 0, false),
    SAFETY_CLASSIFIERS("safety-classifiers", "Safety classifiers", Layer.SYSTEM, ContentType.CODE, 0, false),
    USAGE_POLICY("usage-policy", "Usage policy", Layer.SYSTEM, ContentType.DOCUMENT, 0, false),
    INFRASTRUCTURE("infrastructure", "Infrastructure", Layer.SYSTEM, ContentType.SERVICE, 0, false);

    private final String id;
    private final String mofName;
    private final Layer layer;
    private final ContentType contentType;
    private final int mofClass;
    private final boolean mofRequired;

    ComponentType(String id, String mofName, Layer layer, ContentType contentType, int mofClass, boolean mofRequired) {
        this.id = id;
        this.mofName = mofName;
        this.layer = layer;
        this.contentType = contentType;
        this.mofClass = mofClass;
        this.mofRequired = mofRequired;
    }

    /** Parapet's identifier (kebab case), used in manifests and JSON. */
    public String id() {
        return id;
    }

    /** The name the Model Openness Framework uses; for system components a descriptive title. */
    public String title() {
        return mofName;
    }

    public Layer layer() {
        return layer;
    }

    public ContentType contentType() {
        return contentType;
    }

    /** The MOF class (3, 2 or 1) that first asks for this component; 0 for system components outside the MOF. */
    public int mofClass() {
        return mofClass;
    }

    /** Whether the MOF counts this component towards its class (three MOF components are optional). */
    public boolean mofRequired() {
        return mofRequired && mofClass > 0;
    }

    public boolean inMof() {
        return mofClass > 0;
    }

    /** Finds a type by Parapet id or MOF name, ignoring case and spacing. */
    public static Optional<ComponentType> parse(String text) {
        if (text == null) return Optional.empty();
        String t = key(text);
        for (ComponentType c : values()) {
            if (key(c.id).equals(t) || key(c.mofName).equals(t)) return Optional.of(c);
        }
        return Optional.empty();
    }

    private static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = Character.toLowerCase(s.charAt(i));
            if (Character.isLetterOrDigit(ch)) sb.append(ch);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
