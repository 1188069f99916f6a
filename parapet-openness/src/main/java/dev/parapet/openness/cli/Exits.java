package dev.parapet.openness.cli;

/** The exit codes of the openness commands. */
final class Exits {
    static final int OK = 0;
    static final int SOME_FAILED = 1;
    static final int USAGE = 2;

    private Exits() {
    }
}
