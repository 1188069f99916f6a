package dev.parapet.eval.dataset;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A dataset as the registry describes it.
 *
 * @param name      the short name used on the command line ({@code toxicchat})
 * @param title     what it is
 * @param reference where it comes from (paper or page), for reports
 * @param folder    its folder under the data root, or under the project's directory when {@code inProject}
 * @param inProject true for sets the project itself writes (read from a checkout, not from the data folder)
 * @param licence   {@code train-ok} or {@code eval-only} (a source may override it)
 * @param splits    how it is split
 * @param target    which verdict categories count as detecting its positives: {@code unsafe}, {@code injection}
 *                  or a list of canonical ids
 * @param languages the languages it holds
 * @param notes     caveats for readers of reports
 * @param sources   how its files are read
 */
public record DatasetSpec(String name, String title, String reference, String folder, boolean inProject,
                          String licence,
                          Splits splits, List<String> target, List<String> languages, String notes,
                          List<SourceSpec> sources) {

    /** How a dataset is split. */
    public enum Splits {
        /** Its files are official splits; each source names its split. */
        OFFICIAL,
        /** 80/20 by {@link dev.parapet.core.hash.HashSplit}: {@code train} and {@code test}. */
        HASH,
        /** No split: the whole set is one evaluation benchmark. */
        NONE
    }

    public DatasetSpec {
        target = List.copyOf(target);
        languages = List.copyOf(languages);
        sources = List.copyOf(sources);
    }

    /** The split names a selector may use. */
    public Set<String> splitNames() {
        Set<String> names = new LinkedHashSet<>();
        switch (splits) {
            case HASH -> {
                names.add("train");
                names.add("test");
            }
            case OFFICIAL -> sources.forEach(s -> {
                if (!s.split().isEmpty()) names.add(s.split());
            });
            case NONE -> {
            }
        }
        return names;
    }
}
