package dev.parapet.packs;

import java.util.Locale;

/** How serious a violation of a pack's category is; informs the guard model's policy text and reviewers. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
