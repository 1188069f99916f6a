package dev.parapet.core.detect;

/**
 * How expensive a detector is. The pipeline runs cheaper detectors first, runs {@link #RULE} and
 * {@link #MODEL} detectors on the calling thread (they honour their {@link Deadline}), and runs
 * {@link #REMOTE} detectors on a worker with a hard timeout because a network peer can hang.
 */
public enum Cost {
    /** Microseconds: lexicons, patterns, validators. */
    RULE,
    /** Milliseconds: in-JVM models. */
    MODEL,
    /** Tens to thousands of milliseconds: a model behind HTTP. */
    REMOTE
}
