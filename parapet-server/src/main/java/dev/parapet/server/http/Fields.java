package dev.parapet.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/** Typed reads of request fields, each failing with a 400 that names the field. */
public final class Fields {

    private Fields() {
    }

    public static String requiredString(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw ApiException.invalid("Missing required parameter: '" + field + "'.", field);
        }
        if (!n.isTextual()) {
            throw ApiException.invalid("Invalid type for '" + field + "': expected a string, but got "
                    + kind(n) + ".", field);
        }
        return n.textValue();
    }

    public static Optional<String> optionalString(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw ApiException.invalid("Invalid type for '" + field + "': expected a string, but got "
                    + kind(n) + ".", field);
        }
        return Optional.of(n.textValue());
    }

    public static boolean optionalBoolean(ObjectNode o, String field, boolean fallback) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw ApiException.invalid("Invalid type for '" + field + "': expected a boolean, but got "
                    + kind(n) + ".", field);
        }
        return n.booleanValue();
    }

    /** A JSON type name for error messages. */
    public static String kind(JsonNode n) {
        if (n == null || n.isNull()) return "null";
        if (n.isTextual()) return "a string";
        if (n.isBoolean()) return "a boolean";
        if (n.isNumber()) return "a number";
        if (n.isArray()) return "an array";
        if (n.isObject()) return "an object";
        return "an unknown value";
    }
}
