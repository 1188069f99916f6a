package dev.parapet.eval.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A reference to (part of) a dataset: {@code name}, {@code name:split}, {@code name:language} or
 * {@code name:split:language}, e.g. {@code toxicchat:test}, {@code rtp-lx:de}, {@code xsafety:test:ja}; and,
 * after an {@code @}, the target to judge it by instead of the dataset's own, e.g. {@code wildguardmix:test@injection}
 * (benign prompts, counted as false positives when flagged as an injection).
 *
 * @param name     the dataset's name
 * @param split    the split, or empty for all rows
 * @param language the language, or empty for all
 * @param target   the target ({@code unsafe}, {@code injection} or a canonical id), or empty for the dataset's
 */
public record Selector(String name, Optional<String> split, Optional<String> language, List<String> target) {

    public Selector {
        target = List.copyOf(target);
    }

    /** Parses a selector and checks its parts against the registry's description of the dataset. */
    public static Selector parse(String text, DatasetRegistry registry) {
        int at = text.indexOf('@');
        List<String> target = at < 0 || text.substring(at + 1).isBlank() ? List.of()
                : List.of(text.substring(at + 1).trim());
        if (at >= 0 && target.isEmpty()) {
            throw new DatasetException("'" + text + "': no target after '@' (e.g. @injection or @unsafe)");
        }
        String[] parts = (at < 0 ? text : text.substring(0, at)).trim().split(":", -1);
        DatasetSpec spec = registry.get(parts[0]);
        Optional<String> split = Optional.empty();
        Optional<String> language = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (spec.splitNames().contains(p) && split.isEmpty()) {
                split = Optional.of(p);
            } else if (languageOf(spec, p).isPresent() && language.isEmpty()) {
                language = languageOf(spec, p);
            } else {
                List<String> valid = new ArrayList<>(spec.splitNames());
                valid.addAll(spec.languages());
                throw new DatasetException("'" + text + "': '" + parts[i] + "' is neither a split nor a language of "
                        + spec.name() + (valid.isEmpty() ? " (it has neither)" : " (valid: " + String.join(", ", valid) + ")"));
            }
        }
        return new Selector(spec.name(), split, language, target);
    }

    /** The target this selector names, or the dataset's own. */
    public List<String> targetOr(List<String> datasetTarget) {
        return target.isEmpty() ? datasetTarget : target;
    }

    private static Optional<String> languageOf(DatasetSpec spec, String p) {
        return spec.languages().stream().filter(l -> l.equalsIgnoreCase(p)).findFirst();
    }

    /** True when an example belongs to the selected part. */
    public boolean accepts(Example e) {
        return split.map(s -> s.equals(e.split())).orElse(true)
                && language.map(l -> l.equalsIgnoreCase(e.language())).orElse(true);
    }

    @Override
    public String toString() {
        return name + split.map(s -> ":" + s).orElse("") + language.map(l -> ":" + l).orElse("")
                + (target.isEmpty() ? "" : "@" + target.get(0));
    }
}
