package dev.parapet.openness.license;

import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;

import java.io.InputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Parapet's table of AI model licences (resource {@code ai-licenses.yaml}), looked up by id. */
public final class AiLicenseTable {

    private static final String RESOURCE = "/dev/parapet/openness/ai-licenses.yaml";

    private final Map<String, AiLicense> byLowerId;

    private AiLicenseTable(Map<String, AiLicense> byLowerId) {
        this.byLowerId = Collections.unmodifiableMap(byLowerId);
    }

    public static AiLicenseTable load() {
        InputStream in = AiLicenseTable.class.getResourceAsStream(RESOURCE);
        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
        YamlNode root = Yaml.parse(RESOURCE, in);
        Map<String, AiLicense> out = new LinkedHashMap<>();
        for (YamlNode n : root.require("licenses").list()) {
            AiLicense l = new AiLicense(n.require("id").string(), n.require("name").string(), n.strings("aliases"),
                    n.string("commercial", "yes"), (long) n.number("user_cap", 0), n.bool("acceptable_use", false),
                    n.strings("field_of_use"), n.bool("attribution", false), n.string("naming", ""),
                    n.bool("propagates", false), n.bool("open", false), n.string("why", ""));
            out.put(l.id().toLowerCase(Locale.ROOT), l);
        }
        return new AiLicenseTable(out);
    }

    public Optional<AiLicense> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byLowerId.get(id.toLowerCase(Locale.ROOT)));
    }

    public Collection<AiLicense> all() {
        return byLowerId.values();
    }

    List<String> ids() {
        return all().stream().map(AiLicense::id).toList();
    }
}
