package dev.parapet.core.policy;

/**
 * A policy-level deny-list term: matched on the normalised text, reported under a category.
 *
 * @param term     the term as written
 * @param category the category to report (canonical, or {@code deny_list})
 */
public record TermRule(String term, String category) {
}
