package dev.parapet.atlas;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The atlas of open safety tools across the AI development workflow, as data.
 *
 * @param stages          workflow stages, in order (data … monitoring)
 * @param kinds           kinds of tool
 * @param modalities      modalities checked for gaps
 * @param languages       languages checked for gaps (BCP 47 tags)
 * @param openLicences    licences that count as open for code and data
 * @param entries         the tools, in file order
 */
public record Atlas(List<String> stages, List<String> kinds, List<String> modalities, List<String> languages,
                    Set<String> openLicences, List<AtlasEntry> entries) {

    public Atlas {
        stages = List.copyOf(stages);
        kinds = List.copyOf(kinds);
        modalities = List.copyOf(modalities);
        languages = List.copyOf(languages);
        openLicences = Set.copyOf(openLicences);
        entries = List.copyOf(entries);
    }

    /** The atlas that ships with Parapet. */
    public static Atlas builtIn() {
        return AtlasLoader.builtIn();
    }

    /** An entry by name, ignoring case. */
    public Optional<AtlasEntry> entry(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.name().toLowerCase(Locale.ROOT).equals(n)).findFirst();
    }

    /** Entries matching every given filter; empty filters match all. */
    public List<AtlasEntry> select(Optional<String> stage, Optional<String> kind, boolean openWeightsOnly,
                                   Optional<String> language) {
        return entries.stream()
                .filter(e -> stage.map(s -> e.stages().contains(s)).orElse(true))
                .filter(e -> kind.map(k -> e.kind().equals(k)).orElse(true))
                .filter(e -> !openWeightsOnly || e.openWeights())
                .filter(e -> language.map(e::covers).orElse(true))
                .sorted(Comparator.comparingInt((AtlasEntry e) -> stages.indexOf(e.stages().get(0)))
                        .thenComparing(e -> e.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    public boolean open(AtlasEntry e) {
        return e.open(openLicences);
    }
}
