package dev.parapet.eval.run;

import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.eval.dataset.DatasetException;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which canonical categories count as catching a dataset's positives. {@code unsafe}: every canonical category
 * except {@code pii}, {@code secrets} and {@code prompt_injection}: what harm and toxicity labels mean (a phone
 * number in a prompt does not make it harmful, nor does an instruction that takes over the assistant's task; a
 * jailbreak asks for harm and counts); {@code injection}: {@code prompt_injection} and {@code jailbreak}; or
 * canonical ids by name.
 */
public final class Target {

    /** Canonical categories that say nothing about harm: personal data, credentials, a takeover of the task. */
    private static final Set<String> NOT_HARM = Set.of("pii", "secrets", "prompt_injection");

    private Target() {
    }

    /** A short description of a resolved set: {@code unsafe}, {@code injection}, or the ids. */
    public static String describe(Collection<String> categories) {
        Set<String> set = new TreeSet<>(categories);
        if (set.equals(resolve(Set.of("unsafe")))) {
            return "unsafe (every canonical category but pii, secrets and prompt_injection)";
        }
        if (set.equals(resolve(Set.of("injection")))) return "injection (prompt_injection, jailbreak)";
        if (set.equals(resolve(Set.of("unsafe", "injection")))) {
            return "unsafe or injection (every canonical category but pii and secrets)";
        }
        return String.join(", ", set);
    }

    public static Set<String> resolve(Collection<String> names) {
        Set<String> canonical = Set.copyOf(Taxonomies.builtIn().canonical().ids());
        Set<String> out = new TreeSet<>();
        for (String n : names) {
            switch (n) {
                case "unsafe" -> canonical.stream().filter(c -> !NOT_HARM.contains(c)).forEach(out::add);
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
