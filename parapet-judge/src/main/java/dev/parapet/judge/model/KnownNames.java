package dev.parapet.judge.model;

import java.util.Collection;
import java.util.List;

/** Checks that a configuration names only what a model card defines (its policies, risks or categories). */
final class KnownNames {

    private KnownNames() {
    }

    /**
     * @param chosen the names configured
     * @param known  the names the card defines
     * @param what   e.g. "ShieldGemma policy"
     * @return the chosen names, copied
     * @throws IllegalArgumentException naming the first unknown name and the known ones, or when none is chosen
     */
    static List<String> require(List<String> chosen, Collection<String> known, String what) {
        for (String name : chosen) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown " + what + " '" + name + "' (known: "
                        + String.join(", ", known) + ")");
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("at least one " + what + " is needed");
        }
        return List.copyOf(chosen);
    }
}
