package dev.parapet.openness.model;

/**
 * Something odd about a record that did not stop it from being read: a repaired licence, an unknown
 * component, a duplicate. Names file and line so a user can find it.
 */
public record Issue(String file, int line, String message) {

    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + message;
    }
}
