package dev.parapet.core.verdict;

/**
 * A detector that failed or ran out of time while checking one content.
 *
 * @param detector the detector's id
 * @param kind     what went wrong
 * @param message  a short message, safe to show (no stack trace, no content)
 * @param failedOpen true when the policy said to ignore the failure (logged and counted)
 */
public record DetectorFailure(String detector, Kind kind, String message, boolean failedOpen) {

    public enum Kind { ERROR, TIMEOUT }
}
