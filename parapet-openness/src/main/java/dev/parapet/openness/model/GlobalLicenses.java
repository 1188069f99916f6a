package dev.parapet.openness.model;

import java.util.Optional;

/**
 * Release-wide licences that apply to components without their own: one for the whole distribution and one
 * per content type (the MOF's global licences).
 */
public record GlobalLicenses(String distribution, String code, String data, String document) {

    public static final GlobalLicenses NONE = new GlobalLicenses(null, null, null, null);

    public GlobalLicenses {
        distribution = blankToNull(distribution);
        code = blankToNull(code);
        data = blankToNull(data);
        document = blankToNull(document);
    }

    /** The type-specific licence for a content type, if any. */
    public Optional<String> forType(ContentType type) {
        return Optional.ofNullable(switch (type) {
            case CODE -> code;
            case DATA -> data;
            case DOCUMENT -> document;
            case SERVICE -> null;
        });
    }

    public Optional<String> distributionLicense() {
        return Optional.ofNullable(distribution);
    }

    public boolean isEmpty() {
        return distribution == null && code == null && data == null && document == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
