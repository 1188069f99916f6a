package dev.parapet.openness.read;

import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;
import dev.parapet.openness.model.Availability;
import dev.parapet.openness.model.Component;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.ModelRelease;
import dev.parapet.openness.model.SourceFormat;

import java.util.List;
import java.util.Locale;

/**
 * Reads a Hugging Face model card (README.md): the YAML front matter (license, license_name, license_link,
 * base_model, datasets, model-index, gating) and a few facts from the body (arXiv links, open-source claims).
 * A card describes a Hub repository, so its weights are downloadable unless the repository is gated.
 */
public final class HfCardReader {

    /** True when the text starts with YAML front matter. */
    public static boolean accepts(String text) {
        return text.startsWith("---\n") || text.startsWith("---\r\n");
    }

    public ModelRelease read(String file, String text) {
        int end = closingDelimiter(text);
        if (end < 0) throw new RecordException(file, 1, "model card front matter is not closed by a '---' line");
        // Keep the opening line as a blank line so YAML line numbers match the file.
        YamlNode root = Yaml.parse(file, "\n" + text.substring(text.indexOf('\n') + 1, end));
        if (!root.isMap()) throw new RecordException(file, 2, "model card front matter must be a mapping");
        String body = text.substring(end);
        ModelRelease.Builder b = ModelRelease.builder(file).format(SourceFormat.HF_CARD);
        String repo = repoFromFileName(file);
        String name = firstNonBlank(Nodes.text(root, "model_name", b), repo);
        b.name(name).producer(firstNonBlank(Nodes.text(root, "model_creator", b), owner(repo)));
        List<String> base = Nodes.strings(root.get("base_model").orElse(null));
        if (!base.isEmpty()) b.baseModel(base.get(0));
        b.modality(Nodes.text(root, "pipeline_tag", b));

        String license = Nodes.text(root, "license", b);
        String licenseName = Nodes.text(root, "license_name", b);
        String licenseLink = Nodes.text(root, "license_link", b);
        if (license == null && licenseName == null) {
            b.issue(root.line(), "the card states no licence ('license' is missing)");
        } else if ("other".equalsIgnoreCase(license) && licenseName == null) {
            b.issue(root.line(), "license is 'other' but license_name is missing");
        }
        String effective = licenseName != null && (license == null || "other".equalsIgnoreCase(license))
                ? licenseName : license;
        boolean gated = root.entries().keySet().stream().anyMatch(k -> k.startsWith("extra_gated"));
        String hub = repo.isEmpty() ? "" : "https://huggingface.co/" + repo;
        b.component(new Component(ComponentType.WEIGHTS_FINAL, gated ? Availability.GATED : Availability.DOWNLOADABLE,
                hub, effective, root.line()));
        b.component(new Component(ComponentType.MODEL_CARD, Availability.DOWNLOADABLE, hub, effective, 1));
        b.component(new Component(ComponentType.INFERENCE_CODE, Availability.DESCRIBED,
                Nodes.text(root, "library_name", b), null, root.line()));
        List<String> datasets = Nodes.strings(root.get("datasets").orElse(null));
        if (!datasets.isEmpty()) {
            b.component(new Component(ComponentType.TRAINING_DATA, Availability.DESCRIBED,
                    "https://huggingface.co/datasets/" + datasets.get(0), null, root.get("datasets").get().line()));
        }
        if (root.get("model-index").isPresent()) {
            b.component(new Component(ComponentType.EVALUATION_RESULTS, Availability.DOWNLOADABLE, hub, effective,
                    root.get("model-index").get().line()));
        }
        if (gated || licenseLink != null) {
            b.component(new Component(ComponentType.USAGE_POLICY, Availability.DOWNLOADABLE,
                    licenseLink == null ? hub : licenseLink, null, root.line()));
        }
        String arxiv = findUrl(body, "arxiv.org/");
        if (arxiv != null) {
            b.component(new Component(ComponentType.TECHNICAL_REPORT, Availability.DOWNLOADABLE, arxiv, null, 0));
        }
        String lowerBody = body.toLowerCase(Locale.ROOT);
        b.claimsOpenSource(lowerBody.contains("open-source") || lowerBody.contains("open source")
                || Nodes.strings(root.get("tags").orElse(null)).contains("open-source"));
        return b.build();
    }

    private static int closingDelimiter(String text) {
        int i = text.indexOf('\n');
        while (i >= 0 && i < text.length()) {
            int next = text.indexOf('\n', i + 1);
            String line = text.substring(i + 1, next < 0 ? text.length() : next).strip();
            if (line.equals("---")) return i + 1;
            if (next < 0) return -1;
            i = next;
        }
        return -1;
    }

    /** "owner__repo.README.md" (a common mirror naming) → "owner/repo"; otherwise empty. */
    static String repoFromFileName(String file) {
        String n = java.nio.file.Path.of(file).getFileName().toString();
        int sep = n.indexOf("__");
        if (sep <= 0) return "";
        String rest = n.substring(sep + 2);
        int dot = rest.indexOf(".README");
        if (dot < 0) dot = rest.toLowerCase(Locale.ROOT).endsWith(".md") ? rest.length() - 3 : rest.length();
        return n.substring(0, sep) + "/" + rest.substring(0, dot);
    }

    private static String owner(String repo) {
        int slash = repo.indexOf('/');
        return slash < 0 ? "" : repo.substring(0, slash);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String findUrl(String body, String marker) {
        int i = body.indexOf(marker);
        if (i < 0) return null;
        int start = body.lastIndexOf("http", i);
        if (start < 0 || i - start > 12) return null;
        int end = i;
        while (end < body.length() && end - start < 300) {
            char c = body.charAt(end);
            if (Character.isWhitespace(c) || c == ')' || c == ']' || c == '"' || c == '>' || c == '\'') break;
            end++;
        }
        return body.substring(start, end);
    }
}
