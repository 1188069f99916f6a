package dev.parapet.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A tool call the agent wants to make.
 *
 * @param name        the tool's name
 * @param arguments   the arguments, a JSON object
 * @param derivedFrom for arguments the agent computed (a sum, a summary) rather than copied: the origins
 *                    of the values they were computed from, as an agent runtime that tracks data flow
 *                    declares them; derived values keep the taint of their inputs
 */
public record ToolCall(String name, ObjectNode arguments, Map<String, Set<Origin>> derivedFrom) {

    /** Largest arguments document accepted, in chars. */
    public static final int MAX_ARGUMENT_CHARS = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(MAX_ARGUMENT_CHARS).build());
    }

    public ToolCall {
        if (name == null || name.isBlank()) {
            throw new MalformedToolCallException("tool call has no name");
        }
        Objects.requireNonNull(arguments, "arguments");
        arguments = arguments.deepCopy();
        Map<String, Set<Origin>> copy = new LinkedHashMap<>();
        (derivedFrom == null ? Map.<String, Set<Origin>>of() : derivedFrom).forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        derivedFrom = Map.copyOf(copy);
    }

    /** A call with arguments given as a map of plain values (strings, numbers, booleans, lists, maps). */
    public static ToolCall of(String name, Map<String, ?> arguments) {
        return new ToolCall(name, JSON.valueToTree(arguments), Map.of());
    }

    /**
     * Parses a call as models emit it: a name and a JSON arguments string.
     *
     * @throws MalformedToolCallException with the reason, when the name is missing or the arguments are
     *                                    not one JSON object of bounded size
     */
    public static ToolCall parse(String name, String argumentsJson) {
        if (name == null || name.isBlank()) {
            throw new MalformedToolCallException("tool call has no name");
        }
        if (argumentsJson == null || argumentsJson.isBlank()) {
            return new ToolCall(name, JsonNodeFactory.instance.objectNode(), Map.of());
        }
        if (argumentsJson.length() > MAX_ARGUMENT_CHARS) {
            throw new MalformedToolCallException("arguments of '" + name + "' are too large ("
                    + argumentsJson.length() + " chars, at most " + MAX_ARGUMENT_CHARS + ")");
        }
        JsonNode node;
        try {
            node = JSON.readTree(argumentsJson);
        } catch (JsonProcessingException e) {
            throw new MalformedToolCallException("arguments of '" + name + "' are not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedToolCallException("arguments of '" + name + "' must be a JSON object, found "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
        return new ToolCall(name, object, Map.of());
    }

    /** This call with the origins an argument was computed from. */
    public ToolCall derived(String argument, Set<Origin> origins) {
        Map<String, Set<Origin>> m = new LinkedHashMap<>(derivedFrom);
        m.put(argument, origins);
        return new ToolCall(name, arguments, m);
    }
}
