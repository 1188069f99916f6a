package dev.parapet.packs;

import dev.parapet.core.policy.Policy;
import dev.parapet.core.policy.Rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated policy pack: a community's own categories with definitions, scope, examples and actions.
 *
 * @param id          the pack's id (e.g. {@code children-education})
 * @param name        a human-readable name
 * @param version     the author's version of the pack
 * @param description what the pack is for
 * @param languages   languages of the pack (BCP 47 tags)
 * @param categories  the categories, in file order, with unique ids
 * @param source      where the pack was read from (a path or a classpath resource)
 * @param sha256      SHA-256 of the pack file's bytes, lower-case hex; recorded with every finding
 */
public record PolicyPack(String id, String name, String version, String description, List<String> languages,
                         List<PackCategory> categories, String source, String sha256) {

    /** Score above which a category's rule acts, for packs used with a core {@code Policy}. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    public PolicyPack {
        languages = List.copyOf(languages);
        categories = List.copyOf(categories);
    }

    public Optional<PackCategory> category(String categoryId) {
        return categories.stream().filter(c -> c.id().equals(categoryId)).findFirst();
    }

    /** {@code id@version sha256:<first 12 hex digits>}: what a verdict records about the pack that produced it. */
    public String provenance() {
        return id + "@" + version + " sha256:" + sha256.substring(0, 12);
    }

    /** One rule per category (threshold {@link #DEFAULT_THRESHOLD}, the category's action), to merge into a policy. */
    public Map<String, Rule> rules() {
        Map<String, Rule> out = new LinkedHashMap<>();
        categories.forEach(c -> out.put(c.id(), new Rule(DEFAULT_THRESHOLD, c.action())));
        return out;
    }

    /**
     * The policy extended with this pack's categories, on both sides; its version records the pack's
     * provenance, so every verdict says which pack (and which content hash) decided it.
     */
    public Policy applyTo(Policy base) {
        Map<String, Rule> input = new LinkedHashMap<>(base.input());
        Map<String, Rule> output = new LinkedHashMap<>(base.output());
        input.putAll(rules());
        output.putAll(rules());
        return new Policy(base.id(), base.version() + " + " + provenance(), base.description(), input, output,
                base.allowTerms(), base.denyTerms(), base.failMode(), base.detectorBudget(), base.budgets());
    }

    public int exampleCount() {
        return categories.stream().mapToInt(c -> c.examples().size()).sum();
    }
}
