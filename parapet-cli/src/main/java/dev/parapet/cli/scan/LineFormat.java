package dev.parapet.cli.scan;

/** Turns one line of a one-document-per-line format into a row. Stateless and thread-safe. */
public interface LineFormat {

    /** The document or bad row on {@code line}, or null when the line is blank. */
    Row parse(Row.Unparsed line);
}
