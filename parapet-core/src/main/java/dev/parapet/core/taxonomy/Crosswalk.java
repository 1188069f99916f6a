package dev.parapet.core.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mapping between an external taxonomy (Llama Guard 3, OpenAI moderation, Aegis 2.0, Azure) and the
 * canonical one, loaded from data. Both directions are answered from the same table.
 *
 * @param id                the external taxonomy's id (e.g. {@code llama-guard-3})
 * @param name              its name
 * @param aliases           other names accepted on the command line
 * @param mappings          one entry per external code, in the source's order
 * @param canonicalUnmapped canonical ids the external taxonomy has no code for, with the reason
 */
public record Crosswalk(String id, String name, List<String> aliases, List<Mapping> mappings,
                        Map<String, String> canonicalUnmapped) {

    public Crosswalk {
        aliases = List.copyOf(aliases);
        mappings = List.copyOf(mappings);
        canonicalUnmapped = Map.copyOf(canonicalUnmapped);
    }

    public Optional<Mapping> mapping(String code) {
        for (Mapping m : mappings) {
            if (m.code().equalsIgnoreCase(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Canonical ids for an external code; empty when the code is unknown or unmapped. */
    public List<String> toCanonical(String code) {
        return mapping(code).map(Mapping::canonical).orElse(List.of());
    }

    /** External codes that map to a canonical id, in the source's order. */
    public List<String> fromCanonical(String canonicalId) {
        List<String> out = new ArrayList<>();
        for (Mapping m : mappings) {
            if (m.canonical().contains(canonicalId)) {
                out.add(m.code());
            }
        }
        return out;
    }

    /** Every canonical id that some code maps to. */
    public Set<String> coveredCanonical() {
        Set<String> out = new LinkedHashSet<>();
        mappings.forEach(m -> out.addAll(m.canonical()));
        return out;
    }

    public boolean answersTo(String name) {
        return id.equalsIgnoreCase(name) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(name));
    }
}
