package dev.parapet.agent.provenance;

/** How well a value in a tool call is grounded, from best to worst. */
public enum Grounding {
    /** Written by the user or the system, or a value the policy trusts. */
    TRUSTED,
    /** A whole field of structured data a tool returned (a sender, a list entry, a table cell). */
    DATA_FIELD,
    /** Inside the prose of data the user pointed at (the file or page named in the request). */
    DATA_REFERENCED,
    /** Inside the prose of other untrusted data. */
    DATA_PROSE,
    /** Seen only inside text that asks the agent for actions: weaker evidence than an injection. */
    SUSPECT,
    /** Seen nowhere: the agent made it up or computed it. */
    UNSEEN,
    /** Seen only inside injected instructions. */
    INJECTED
}
