package dev.parapet.cli;

/** The exit codes of every {@code parapet} command. */
public final class ExitCodes {

    /** Done; nothing flagged. */
    public static final int OK = 0;
    /** Done; something was flagged or blocked. */
    public static final int FLAGGED = 1;
    /** Usage or input error. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
