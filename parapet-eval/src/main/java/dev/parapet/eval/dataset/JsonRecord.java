package dev.parapet.eval.dataset;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A JSON object as a {@link Record}; dotted paths walk nested objects. */
record JsonRecord(String file, long line, JsonNode node) implements Record {

    @Override
    public Optional<String> value(String path) {
        JsonNode v = node.get(path); // a key that itself contains dots wins
        if (v == null) {
            v = node;
            for (String key : path.split("\\.", -1)) {
                v = v == null ? null : v.get(key);
            }
        }
        if (v == null || v.isNull() || v.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(v.isValueNode() ? v.asText() : v.toString());
    }

    @Override
    public List<String> fields() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
