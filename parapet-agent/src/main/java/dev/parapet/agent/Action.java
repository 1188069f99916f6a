package dev.parapet.agent;

/** What the guard decides, from mildest to strictest. */
public enum Action {
    ALLOW, REQUIRE_APPROVAL, BLOCK;

    /** The stricter of two actions. */
    public Action max(Action other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** {@code allow}, {@code require_approval} or {@code block}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
