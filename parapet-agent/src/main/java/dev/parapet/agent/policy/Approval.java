package dev.parapet.agent.policy;

/** When a call to a tool needs a person's approval. */
public enum Approval {
    /** Never: the guard's other checks decide. */
    NEVER,
    /** Whenever any argument value did not come from the user or the system. */
    IF_UNTRUSTED,
    /** Every call. */
    ALWAYS
}
