package dev.parapet.openness.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.openness.assess.Assessment;
import dev.parapet.openness.assess.FmtiEntry;
import dev.parapet.openness.assess.MofResult;
import dev.parapet.openness.assess.OsaiResult;
import dev.parapet.openness.assess.Profile;
import dev.parapet.openness.model.Component;

import java.util.List;
import java.util.Map;

/**
 * Renders assessments as JSON: a list with one object per record carrying file, name, mof (class and progress
 * "1"/"2"/"3" in percent, with component checks), mof_normalized, osaid (pass, reasons), osai (score 0..1 with
 * categories and parameters, or null), gradient, profile, consistency, warnings, and failed records as
 * {file, error}.
 */
public final class JsonReport {

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One failed record in a batch. */
    public record Failure(String file, int line, String error) {
    }

    public String render(List<Assessment> assessments, List<Failure> failures) {
        ArrayNode out = json.createArrayNode();
        assessments.forEach(a -> out.add(node(a)));
        for (Failure f : failures) {
            ObjectNode n = out.addObject();
            n.put("file", f.file());
            n.put("line", f.line());
            n.put("error", f.error());
        }
        try {
            return json.writeValueAsString(out) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectNode node(Assessment a) {
        ObjectNode n = json.createObjectNode();
        n.put("file", a.release().file());
        n.put("format", a.release().format().id());
        n.put("name", a.release().name());
        n.put("version", a.release().version());
        n.put("producer", a.release().producer());
        n.put("base_model", a.release().baseModel());
        n.set("mof", mof(a.mof()));
        n.set("mof_normalized", mof(a.mofNormalized()));
        ArrayNode changes = n.putArray("mof_changes");
        a.mofChanges().forEach(changes::add);
        ObjectNode osaid = n.putObject("osaid");
        osaid.put("pass", a.osaid().pass());
        ArrayNode reasons = osaid.putArray("reasons");
        a.osaid().reasons().forEach(reasons::add);
        if (a.osai().isPresent()) n.set("osai", osai(a.osai().get()));
        else n.putNull("osai");
        ObjectNode g = n.putObject("gradient");
        g.put("level", a.gradient().level().id());
        g.put("title", a.gradient().level().title());
        g.put("reason", a.gradient().reason());
        n.set("profile", profile(a.profile()));
        ArrayNode comps = n.putArray("components");
        for (Component c : a.release().components().values()) {
            ObjectNode cn = comps.addObject();
            cn.put("type", c.type().id());
            cn.put("availability", c.availability().id());
            cn.put("location", c.location());
            if (c.license() == null) cn.putNull("license");
            else cn.put("license", c.license());
        }
        ArrayNode cons = n.putArray("consistency");
        a.consistency().forEach(cons::add);
        ArrayNode warn = n.putArray("warnings");
        a.warnings().forEach(warn::add);
        if (a.fmti().isPresent()) {
            FmtiEntry f = a.fmti().get();
            ObjectNode fn = n.putObject("fmti");
            fn.put("developer", f.developer());
            fn.put("score", f.score());
            fn.put("indicators", f.indicators());
            ObjectNode subs = fn.putObject("subdomains");
            f.subdomains().forEach((k, v) -> subs.put(k, v[0] + "/" + (int) v[1]));
        }
        return n;
    }

    private ObjectNode mof(MofResult m) {
        ObjectNode n = json.createObjectNode();
        n.put("class", m.mofClass());
        n.put("label", m.label());
        ObjectNode p = n.putObject("progress");
        m.progress().forEach(p::put);
        ArrayNode checks = n.putArray("components");
        for (MofResult.Check c : m.components()) {
            ObjectNode cn = checks.addObject();
            cn.put("component", c.type().title());
            cn.put("class", c.mofClass());
            cn.put("required", c.required());
            cn.put("included", c.included());
            if (c.license() == null) cn.putNull("license");
            else cn.put("license", c.license());
            cn.put("license_source", c.licenseSource());
            cn.put("open", c.open());
            cn.put("reason", c.reason());
        }
        return n;
    }

    private ObjectNode osai(OsaiResult o) {
        ObjectNode n = json.createObjectNode();
        n.put("schema", o.schema());
        n.put("score", o.score());
        n.put("points", o.points());
        ObjectNode cats = n.putObject("categories");
        o.categories().forEach(cats::put);
        ArrayNode params = n.putArray("parameters");
        for (OsaiResult.Parameter p : o.parameters()) {
            ObjectNode pn = params.addObject();
            pn.put("ref", p.ref());
            pn.put("name", p.name());
            pn.put("category", p.category());
            pn.put("grade", p.grade().id());
            pn.put("points", p.points());
        }
        return n;
    }

    private ObjectNode profile(Profile p) {
        ObjectNode n = json.createObjectNode();
        ObjectNode layers = n.putObject("layers");
        p.layers().forEach(layers::put);
        ObjectNode goals = n.putObject("goals");
        for (Map.Entry<String, Profile.GoalResult> e : p.goals().entrySet()) {
            ObjectNode g = goals.putObject(e.getKey());
            g.put("unlocked", e.getValue().unlocked());
            ArrayNode b = g.putArray("blockers");
            e.getValue().blockers().forEach(b::add);
        }
        return n;
    }
}
