package dev.parapet.packs;

import dev.parapet.core.verdict.Action;

import java.util.List;

/**
 * A category a community defines for itself.
 *
 * @param id         a lowercase id ({@code [a-z][a-z0-9_]*}) reported in findings
 * @param definition what the category is, in plain language
 * @param inScope    what counts, as short statements
 * @param outOfScope near misses that do not count
 * @param severity   how serious a violation is
 * @param languages  languages the category is written for (BCP 47 tags)
 * @param action     what to do with content in the category
 * @param examples   labelled examples, positive and negative, in file order
 * @param line       line of the category in the pack file
 */
public record PackCategory(String id, String definition, List<String> inScope, List<String> outOfScope,
                           Severity severity, List<String> languages, Action action, List<Example> examples,
                           int line) {

    public PackCategory {
        inScope = List.copyOf(inScope);
        outOfScope = List.copyOf(outOfScope);
        languages = List.copyOf(languages);
        examples = List.copyOf(examples);
    }

    public List<Example> positives() {
        return examples.stream().filter(Example::positive).toList();
    }

    public List<Example> negatives() {
        return examples.stream().filter(e -> !e.positive()).toList();
    }
}
