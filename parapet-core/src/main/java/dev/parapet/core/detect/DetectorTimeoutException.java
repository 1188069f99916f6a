package dev.parapet.core.detect;

/** Thrown by a detector (through {@link Deadline#check()}) when it ran out of its time budget. */
public class DetectorTimeoutException extends RuntimeException {

    public DetectorTimeoutException(String message) {
        super(message, null, false, false);
    }
}
