package dev.parapet.eval.run;

import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.eval.dataset.DatasetException;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which canonical categories count as catching a dataset's positives. {@code unsafe}: every canonical category
 * except {@code pii} and {@code secrets} (a phone number in a prompt does not make it harmful);
 * {@code injection}: {@code prompt_injection} and {@code jailbreak}; or canonical ids by name.
 */
public final class Target {

    private Target() {
    }

    /** A short description of a resolved set: {@code unsafe}, {@code injection}, or the ids. */
    public static String describe(Collection<String> categories) {
        Set<String> set = new TreeSet<>(categories);
        if (set.equals(resolve(Set.of("unsafe")))) return "unsafe (every canonical category but pii and secrets)";
        if (set.equals(resolve(Set.of("injection")))) return "injection (prompt_injection, jailbreak)";
        return String.join(", ", set);
    }

    public static Set<String> resolve(Collection<String> names) {
        Set<String> canonical = Set.copyOf(Taxonomies.builtIn().canonical().ids());
        Set<String> out = new TreeSet<>();
        for (String n : names) {
            switch (n) {
                case "unsafe" -> canonical.stream().filter(c -> !c.equals("pii") && !c.equals("secrets")).forEach(out::add);
                case "injection" -> {
                    out.add("prompt_injection");
                    out.add("jailbreak");
                }
                default -> {
                    if (!canonical.contains(n)) {
                        throw new DatasetException("unknown target category '" + n + "' (unsafe, injection, or one of "
                                + String.join(", ", new TreeSet<>(canonical)) + ")");
                    }
                    out.add(n);
                }
            }
        }
        if (out.isEmpty()) throw new DatasetException("no target categories");
        return out;
    }
}
