package dev.parapet.core.policy;

/**
 * What to do when a detector fails or runs out of time. Safety decisions fail closed unless a policy
 * says otherwise; failing open is logged and counted.
 */
public enum FailMode {
    /** Treat the failure as a block. */
    CLOSED,
    /** Ignore the failed detector and decide on the others. */
    OPEN
}
