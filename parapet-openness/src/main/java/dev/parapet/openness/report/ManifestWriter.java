package dev.parapet.openness.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.GlobalLicenses;
import dev.parapet.openness.model.IndexParameter;
import dev.parapet.openness.model.ModelRelease;
import dev.parapet.openness.read.ManifestReader;

/**
 * Writes a release in the supported formats: Parapet's manifest (which keeps everything, so it round-trips),
 * an MOF record (model-level components only), and a CycloneDX 1.6 ML-BOM.
 */
public final class ManifestWriter {

    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
    private final ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    public String toManifest(ModelRelease r) {
        ObjectNode n = yaml.createObjectNode();
        n.put("parapet", ManifestReader.MARKER);
        n.put("name", r.name());
        putIf(n, "version", r.version());
        putIf(n, "producer", r.producer());
        putIf(n, "base_model", r.baseModel());
        putIf(n, "modality", r.modality());
        n.put("claims_open_source", r.claimsOpenSource());
        GlobalLicenses g = r.globalLicenses();
        if (!g.isEmpty()) {
            ObjectNode l = n.putObject("license");
            putIf(l, "distribution", g.distribution());
            putIf(l, "code", g.code());
            putIf(l, "data", g.data());
            putIf(l, "document", g.document());
        }
        ArrayNode comps = n.putArray("components");
        for (Component c : r.components().values()) {
            ObjectNode cn = comps.addObject();
            cn.put("type", c.type().id());
            cn.put("availability", c.availability().id());
            putIf(cn, "location", c.location());
            putIf(cn, "license", c.license());
        }
        if (r.hasIndexParameters()) {
            ObjectNode idx = n.putObject("index");
            for (IndexParameter p : r.indexParameters().values()) {
                ObjectNode pn = idx.putObject(p.ref());
                pn.put("class", p.grade().id());
                if (!p.links().isEmpty()) {
                    ArrayNode links = pn.putArray("link");
                    p.links().forEach(links::add);
                }
                putIf(pn, "notes", p.notes());
            }
        }
        return write(yaml, n);
    }

    public String toMof(ModelRelease r) {
        ObjectNode n = yaml.createObjectNode();
        ObjectNode f = n.putObject("framework");
        f.put("name", "Model Openness Framework");
        f.put("version", "1.0");
        f.put("date", "2024-12-15");
        ObjectNode rel = n.putObject("release");
        rel.put("name", r.name());
        rel.put("version", r.version());
        rel.put("producer", r.producer());
        rel.put("origin", r.baseModel());
        ObjectNode lic = rel.putObject("license");
        GlobalLicenses g = r.globalLicenses();
        if (g.distribution() != null) lic.putObject("distribution").put("name", g.distribution());
        if (g.code() != null) lic.putObject("code").put("name", g.code());
        if (g.data() != null) lic.putObject("data").put("name", g.data());
        if (g.document() != null) lic.putObject("document").put("name", g.document());
        ArrayNode comps = rel.putArray("components");
        for (Component c : r.components().values()) {
            if (!c.type().inMof() || !c.availability().released()) continue;
            ObjectNode cn = comps.addObject();
            cn.put("name", c.type().title());
            putIf(cn, "license", c.license());
            putIf(cn, "component_path", c.location());
        }
        return write(yaml, n);
    }

    public String toCycloneDx(ModelRelease r) {
        ObjectNode n = json.createObjectNode();
        n.put("bomFormat", "CycloneDX");
        n.put("specVersion", "1.6");
        n.put("version", 1);
        ObjectNode m = n.putArray("components").addObject();
        m.put("type", "machine-learning-model");
        m.put("name", r.name());
        putIf(m, "version", r.version());
        putIf(m, "publisher", r.producer());
        r.component(ComponentType.WEIGHTS_FINAL).ifPresent(w -> {
            if (w.license() != null) m.putArray("licenses").addObject().put("expression", w.license());
            if (!w.location().isEmpty() && w.availability().released()) {
                ObjectNode ref = m.putArray("externalReferences").addObject();
                ref.put("type", "distribution");
                ref.put("url", w.location());
            }
        });
        if (!r.baseModel().isEmpty()) m.putObject("pedigree").putArray("ancestors").addObject().put("name", r.baseModel());
        ObjectNode card = m.putObject("modelCard");
        ObjectNode params = card.putObject("modelParameters");
        r.component(ComponentType.TRAINING_DATA).ifPresent(d -> {
            ObjectNode ds = params.putArray("datasets").addObject();
            ds.put("type", "dataset");
            ds.put("name", "training data");
            if (!d.location().isEmpty()) ds.putObject("contents").put("url", d.location());
        });
        return write(json, n);
    }

    private static void putIf(ObjectNode n, String k, String v) {
        if (v != null && !v.isBlank()) n.put(k, v);
    }

    private static String write(ObjectMapper m, ObjectNode n) {
        try {
            return m.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
