package dev.parapet.openness.assess;

import java.util.Map;

/**
 * A developer's Foundation Model Transparency Index result.
 *
 * @param developer  the developer as the index names it
 * @param score      indicators met
 * @param indicators indicators scored
 * @param subdomains per subdomain: {met, scored}
 */
public record FmtiEntry(String developer, double score, int indicators, Map<String, double[]> subdomains) {
}
