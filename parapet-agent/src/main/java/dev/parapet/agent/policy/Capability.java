package dev.parapet.agent.policy;

import java.util.Locale;

/** What a tool can do. Everything but {@link #READS} changes the world or moves data out of it. */
public enum Capability {
    READS, WRITES, SENDS_EXTERNALLY, SPENDS_MONEY, EXECUTES_CODE, DELETES;

    /** The name used in policy files, e.g. {@code sends_externally}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The capability named {@code id}, or null when none is. */
    public static Capability byId(String id) {
        for (Capability c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    public boolean sideEffecting() {
        return this != READS;
    }
}
