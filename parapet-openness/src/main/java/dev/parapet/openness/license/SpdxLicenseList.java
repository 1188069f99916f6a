package dev.parapet.openness.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SPDX licence and exception lists. Read from the resources that the SPDX Java library (a Maven
 * dependency) ships, so the list is maintained upstream and updated with a version bump; nothing is fetched.
 */
public final class SpdxLicenseList {

    private static final String LICENSES = "resources/stdlicenses/licenses.json";
    private static final String EXCEPTIONS = "resources/stdlicenses/exceptions.json";

    private final String version;
    private final Map<String, SpdxLicense> byId;
    private final Map<String, SpdxLicense> byLowerId;
    private final Map<String, String> exceptionsByLowerId;

    private SpdxLicenseList(String version, Map<String, SpdxLicense> byId, Map<String, String> exceptions) {
        this.version = version;
        this.byId = Collections.unmodifiableMap(byId);
        Map<String, SpdxLicense> lower = new LinkedHashMap<>();
        byId.values().forEach(l -> lower.putIfAbsent(l.id().toLowerCase(Locale.ROOT), l));
        this.byLowerId = Collections.unmodifiableMap(lower);
        this.exceptionsByLowerId = Collections.unmodifiableMap(exceptions);
    }

    /** Loads the list from the class path. */
    public static SpdxLicenseList load() {
        ObjectMapper json = new ObjectMapper();
        JsonNode licenses = read(json, LICENSES);
        Map<String, SpdxLicense> byId = new LinkedHashMap<>();
        for (JsonNode l : licenses.path("licenses")) {
            String id = l.path("licenseId").asText();
            byId.put(id, new SpdxLicense(id, l.path("name").asText(id), l.path("isOsiApproved").asBoolean(false),
                    l.path("isFsfLibre").asBoolean(false), l.path("isDeprecatedLicenseId").asBoolean(false)));
        }
        Map<String, String> exceptions = new LinkedHashMap<>();
        for (JsonNode e : read(json, EXCEPTIONS).path("exceptions")) {
            String id = e.path("licenseExceptionId").asText();
            exceptions.put(id.toLowerCase(Locale.ROOT), id);
        }
        return new SpdxLicenseList(licenses.path("licenseListVersion").asText("?"), byId, exceptions);
    }

    private static JsonNode read(ObjectMapper json, String resource) {
        try (InputStream in = SpdxLicenseList.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SPDX licence list missing from the class path: " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The SPDX licence list version, e.g. 3.28.0. */
    public String version() {
        return version;
    }

    /** Exact (case-sensitive) look-up, as SPDX defines identifiers. */
    public Optional<SpdxLicense> exact(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Case-insensitive look-up (SPDX matching is case-insensitive for identifiers). */
    public Optional<SpdxLicense> find(String id) {
        SpdxLicense l = byId.get(id);
        return l != null ? Optional.of(l) : Optional.ofNullable(byLowerId.get(id.toLowerCase(Locale.ROOT)));
    }

    /** The canonical spelling of an exception identifier. */
    public Optional<String> exception(String id) {
        return Optional.ofNullable(exceptionsByLowerId.get(id.toLowerCase(Locale.ROOT)));
    }

    public Collection<SpdxLicense> licenses() {
        return byId.values();
    }
}
