package dev.parapet.packs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** What changed from one pack to another, category by category, as readable lines. */
public final class PackDiff {

    private PackDiff() {
    }

    /** The changes from {@code a} to {@code b}; empty when the two say the same thing. */
    public static List<String> between(PolicyPack a, PolicyPack b) {
        List<String> out = new ArrayList<>();
        field(out, "pack id", a.id(), b.id());
        field(out, "version", a.version(), b.version());
        field(out, "name", a.name(), b.name());
        field(out, "languages", a.languages(), b.languages());
        for (PackCategory ca : a.categories()) {
            if (b.category(ca.id()).isEmpty()) {
                out.add("- category " + ca.id() + " removed");
            }
        }
        for (PackCategory cb : b.categories()) {
            PackCategory ca = a.category(cb.id()).orElse(null);
            if (ca == null) {
                out.add("+ category " + cb.id() + " added (" + cb.action().wireName() + ", "
                        + cb.positives().size() + " positive, " + cb.negatives().size() + " negative examples)");
                continue;
            }
            String p = "~ " + cb.id() + ": ";
            field(out, p + "action", ca.action().wireName(), cb.action().wireName());
            field(out, p + "severity", ca.severity().wireName(), cb.severity().wireName());
            field(out, p + "definition", ca.definition(), cb.definition());
            field(out, p + "languages", ca.languages(), cb.languages());
            sets(out, p + "in scope", ca.inScope(), cb.inScope(), s -> s);
            sets(out, p + "out of scope", ca.outOfScope(), cb.outOfScope(), s -> s);
            sets(out, p + "positive example", ca.positives(), cb.positives(), Example::text);
            sets(out, p + "negative example", ca.negatives(), cb.negatives(), Example::text);
        }
        return out;
    }

    private static void field(List<String> out, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(what + ": " + a + " -> " + b);
        }
    }

    private static <T> void sets(List<String> out, String what, List<T> a, List<T> b, Function<T, String> text) {
        Set<String> sa = new LinkedHashSet<>(a.stream().map(text).toList());
        Set<String> sb = new LinkedHashSet<>(b.stream().map(text).toList());
        sa.stream().filter(s -> !sb.contains(s)).forEach(s -> out.add(what + " removed: \"" + s + "\""));
        sb.stream().filter(s -> !sa.contains(s)).forEach(s -> out.add(what + " added: \"" + s + "\""));
    }
}
