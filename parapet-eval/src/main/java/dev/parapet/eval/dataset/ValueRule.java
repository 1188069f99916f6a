package dev.parapet.eval.dataset;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a record's category or language comes from: a fixed value, a field, the file's name or its folder's name;
 * optionally mapped through a table (e.g. the folder {@code sp} to the language {@code es}).
 */
public sealed interface ValueRule {

    /** No value. */
    ValueRule NONE = new Fixed("");

    /** The value for a record read from {@code file}; "" when there is none. */
    String apply(Record r, Path file);

    /** The same value for every record. */
    record Fixed(String value) implements ValueRule {
        @Override
        public String apply(Record r, Path file) {
            return value;
        }
    }

    /** A field's value, mapped when the table has it. */
    record Field(String field, Map<String, String> map) implements ValueRule {
        @Override
        public String apply(Record r, Path file) {
            Optional<String> v = r.value(field).map(String::trim);
            return v.map(s -> map.getOrDefault(s, s)).orElse("");
        }
    }

    /** The file name without its extensions, or the name of the folder holding it; mapped when the table has it. */
    record FromPath(boolean folder, Map<String, String> map) implements ValueRule {
        @Override
        public String apply(Record r, Path file) {
            String s = folder ? file.getParent().getFileName().toString() : stem(file);
            return map.getOrDefault(s, s);
        }

        private static String stem(Path file) {
            String n = file.getFileName().toString();
            int dot = n.indexOf('.');
            return dot < 0 ? n : n.substring(0, dot);
        }
    }
}
