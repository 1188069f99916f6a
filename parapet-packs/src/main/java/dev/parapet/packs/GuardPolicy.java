package dev.parapet.packs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pack compiled for policy-following guard models. {@link #definitions()} and {@link #details()} are what
 * parapet-judge's gpt-oss-safeguard family takes (category id → definition; the policy details placed between
 * the definitions and the output format); {@link #text()} is the whole policy for any instruction-tuned model.
 *
 * @param definitions category id → one-line definition with severity, in the pack's order
 * @param details     scope, languages, actions and labelled examples of every category
 */
public record GuardPolicy(Map<String, String> definitions, String details) {

    /** Examples per side and category written into the policy: enough to show the boundary, short enough to send. */
    public static final int EXAMPLES_PER_SIDE = 4;

    public GuardPolicy {
        definitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    }

    public static GuardPolicy of(PolicyPack pack) {
        Map<String, String> defs = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder();
        sb.append("Policy pack ").append(pack.provenance()).append(": ").append(pack.name()).append('\n');
        if (!pack.description().isBlank()) {
            sb.append(pack.description().strip()).append('\n');
        }
        for (PackCategory c : pack.categories()) {
            defs.put(c.id(), oneLine(c.definition()) + " (severity: " + c.severity().wireName() + ")");
            sb.append("\n### ").append(c.id()).append('\n');
            if (!c.languages().isEmpty()) {
                sb.append("Languages: ").append(String.join(", ", c.languages())).append('\n');
            }
            list(sb, "Violates when", c.inScope());
            list(sb, "Does not violate", c.outOfScope());
            examples(sb, "Examples that violate", c.positives());
            examples(sb, "Examples that do not violate", c.negatives());
        }
        return new GuardPolicy(defs, sb.toString());
    }

    /** The complete policy text: definitions, then details, then the answer format. */
    public String text() {
        StringBuilder sb = new StringBuilder("# Content policy\n\n## Definitions\n");
        definitions.forEach((id, d) -> sb.append("- ").append(id).append(": ").append(d).append('\n'));
        sb.append("\n## Policy details\n").append(details);
        sb.append("\n## Output format\nAnswer with exactly one JSON object and nothing else:\n")
                .append("{\"violation\": 0 or 1, \"category\": \"<the id of the violated category, or null>\", ")
                .append("\"rationale\": \"<one short sentence>\"}\n");
        return sb.toString();
    }

    private static void list(StringBuilder sb, String title, java.util.List<String> items) {
        if (!items.isEmpty()) {
            sb.append(title).append(":\n");
            items.forEach(i -> sb.append("- ").append(oneLine(i)).append('\n'));
        }
    }

    private static void examples(StringBuilder sb, String title, java.util.List<Example> items) {
        list(sb, title, items.stream().limit(EXAMPLES_PER_SIDE).map(e -> "\"" + oneLine(e.text()) + "\"").toList());
    }

    private static String oneLine(String s) {
        return s.strip().replace('\n', ' ').replace('\r', ' ');
    }
}
