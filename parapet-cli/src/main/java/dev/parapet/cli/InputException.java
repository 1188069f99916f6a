package dev.parapet.cli;

/** Bad input from the user (a file, a value): reported as one line, exit code 2. */
public final class InputException extends RuntimeException {

    public InputException(String message) {
        super(message, null, false, false);
    }
}
