package dev.parapet.judge.model;

/** A guard model answered, but not in its documented output format (prose, truncated, unknown category, empty). */
public class MalformedVerdictException extends Exception {

    public MalformedVerdictException(String message) {
        super(message, null, false, false);
    }
}
