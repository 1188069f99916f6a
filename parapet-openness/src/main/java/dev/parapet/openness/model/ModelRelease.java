package dev.parapet.openness.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One release of a model or AI system: who made it, what it is built on, what it claims, and its components
 * at the model and system levels, each with availability, location and licence. Index parameters are kept as
 * the index graded them. Immutable; build one with {@link #builder(String)}.
 */
public record ModelRelease(
        String file,
        SourceFormat format,
        String name,
        String version,
        String producer,
        String baseModel,
        String modality,
        boolean claimsOpenSource,
        GlobalLicenses globalLicenses,
        Map<ComponentType, Component> components,
        Map<String, IndexParameter> indexParameters,
        List<Issue> issues) {

    public ModelRelease {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        name = name == null || name.isBlank() ? "(unnamed)" : name.trim();
        version = nz(version);
        producer = nz(producer);
        baseModel = nz(baseModel);
        modality = nz(modality);
        globalLicenses = globalLicenses == null ? GlobalLicenses.NONE : globalLicenses;
        EnumMap<ComponentType, Component> c = new EnumMap<>(ComponentType.class);
        c.putAll(components);
        components = java.util.Collections.unmodifiableMap(c);
        indexParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(indexParameters));
        issues = List.copyOf(issues);
    }

    public Optional<Component> component(ComponentType type) {
        return Optional.ofNullable(components.get(type));
    }

    /** Availability of a component; {@link Availability#ABSENT} when the record does not list it. */
    public Availability availability(ComponentType type) {
        Component c = components.get(type);
        return c == null ? Availability.ABSENT : c.availability();
    }

    public boolean hasIndexParameters() {
        return !indexParameters.isEmpty();
    }

    public ModelRelease withComponents(Map<ComponentType, Component> newComponents) {
        return new ModelRelease(file, format, name, version, producer, baseModel, modality, claimsOpenSource,
                globalLicenses, newComponents, indexParameters, issues);
    }

    public static Builder builder(String file) {
        return new Builder(file);
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }

    /** Collects the parts of a release while a reader walks its source. */
    public static final class Builder {
        private final String file;
        private SourceFormat format = SourceFormat.MANIFEST;
        private String name;
        private String version;
        private String producer;
        private String baseModel;
        private String modality;
        private boolean claimsOpenSource;
        private GlobalLicenses globalLicenses = GlobalLicenses.NONE;
        private final Map<ComponentType, Component> components = new EnumMap<>(ComponentType.class);
        private final Map<String, IndexParameter> indexParameters = new LinkedHashMap<>();
        private final List<Issue> issues = new ArrayList<>();

        private Builder(String file) {
            this.file = file;
        }

        public Builder format(SourceFormat f) { this.format = f; return this; }
        public Builder name(String v) { this.name = v; return this; }
        public Builder version(String v) { this.version = v; return this; }
        public Builder producer(String v) { this.producer = v; return this; }
        public Builder baseModel(String v) { this.baseModel = v; return this; }
        public Builder modality(String v) { this.modality = v; return this; }
        public Builder claimsOpenSource(boolean v) { this.claimsOpenSource = v; return this; }
        public Builder globalLicenses(GlobalLicenses v) { this.globalLicenses = v; return this; }

        /** Adds a component; a second one of the same type is reported and the first kept. */
        public Builder component(Component c) {
            Component previous = components.putIfAbsent(c.type(), c);
            if (previous != null) {
                issue(c.line(), "duplicate component '" + c.type().title() + "' (first at line "
                        + previous.line() + "); the first is used");
            }
            return this;
        }

        public Builder replaceComponent(Component c) {
            components.put(c.type(), c);
            return this;
        }

        public boolean has(ComponentType t) {
            return components.containsKey(t);
        }

        public Builder indexParameter(IndexParameter p) {
            indexParameters.put(p.ref(), p);
            return this;
        }

        public Builder issue(int line, String message) {
            issues.add(new Issue(file, line, message));
            return this;
        }

        public String file() {
            return file;
        }

        public ModelRelease build() {
            return new ModelRelease(file, format, name, version, producer, baseModel, modality, claimsOpenSource,
                    globalLicenses, components, indexParameters, issues);
        }
    }
}
