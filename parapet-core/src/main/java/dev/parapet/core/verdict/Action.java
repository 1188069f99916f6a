package dev.parapet.core.verdict;

import java.util.Locale;

/** What to do with content, ordered from mildest to strictest: a stricter action always wins. */
public enum Action {
    ALLOW, FLAG, REDACT, BLOCK;

    public boolean stricterThan(Action other) {
        return compareTo(other) > 0;
    }

    public static Action strictest(Action a, Action b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Action parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown action '" + s + "' (expected allow, flag, redact or block)");
        }
    }
}
