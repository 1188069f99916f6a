package dev.parapet.core.taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical taxonomy: the categories every detector reports in.
 *
 * @param id         {@code mlcommons}
 * @param name       a name for people
 * @param version    the version of the source standard
 * @param aliases    other names accepted on the command line
 * @param categories the categories, in order
 */
public record Taxonomy(String id, String name, String version, List<String> aliases, List<Category> categories) {

    public Taxonomy {
        aliases = List.copyOf(aliases);
        categories = List.copyOf(categories);
    }

    public Optional<Category> category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public boolean contains(String id) {
        return category(id).isPresent();
    }

    /** Finds a category by id or by one of its source codes (e.g. {@code hte}, {@code spc_hlt}). */
    public Optional<Category> byCode(String code) {
        for (Category c : categories) {
            if (c.id().equalsIgnoreCase(code) || c.codes().stream().anyMatch(k -> k.equalsIgnoreCase(code))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public List<String> ids() {
        return categories.stream().map(Category::id).toList();
    }

    public Map<String, Category> byId() {
        Map<String, Category> m = new LinkedHashMap<>();
        categories.forEach(c -> m.put(c.id(), c));
        return m;
    }

    public boolean answersTo(String name) {
        return id.equalsIgnoreCase(name) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(name));
    }
}
