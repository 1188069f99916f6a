package dev.parapet.judge.client;

/**
 * The guard server could not be reached or answered with something that is not a chat reply (an HTTP error,
 * an empty or non-JSON body, a body without a message). {@link #retryable()} says whether trying again may help.
 */
public class GuardServerException extends Exception {

    private final boolean retryable;

    public GuardServerException(String message, boolean retryable) {
        super(message, null, false, false);
        this.retryable = retryable;
    }

    /** True for failures that may pass on their own: connection errors, timeouts, HTTP 429 and 5xx. */
    public boolean retryable() {
        return retryable;
    }
}
