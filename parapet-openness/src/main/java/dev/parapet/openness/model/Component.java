package dev.parapet.openness.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One component of a release: what it is, how it can be reached, where, and under which licence as written in
 * the source record (free text is kept; licence knowledge interprets it).
 *
 * @param type         which component
 * @param availability how it can be reached
 * @param location     where it is (URL or path), or empty
 * @param license      the licence as written in the record, or null when none is stated
 * @param line         1-based line of the component in its source file, 0 when unknown
 */
public record Component(ComponentType type, Availability availability, String location, String license, int line) {

    public Component {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(availability, "availability");
        location = location == null ? "" : location.trim();
        license = license == null || license.isBlank() ? null : license.trim();
    }

    public Optional<String> licenseText() {
        return Optional.ofNullable(license);
    }

    public Component withLicense(String newLicense) {
        return new Component(type, availability, location, newLicense, line);
    }
}
