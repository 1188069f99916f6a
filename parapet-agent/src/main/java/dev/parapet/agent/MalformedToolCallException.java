package dev.parapet.agent;

/** A tool call that cannot be checked: no name, arguments that are not a JSON object, too large. */
public class MalformedToolCallException extends RuntimeException {

    public MalformedToolCallException(String message) {
        super(message);
    }
}
