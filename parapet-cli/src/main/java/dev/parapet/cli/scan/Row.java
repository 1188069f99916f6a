package dev.parapet.cli.scan;

/**
 * One row read from an input file: a document to check, a bad row to report and skip, or a line not
 * parsed yet (so that parsing runs on the worker threads, not on the thread that reads the file).
 */
public sealed interface Row permits Row.Document, Row.Bad, Row.Unparsed {

    String file();

    long line();

    /**
     * A document.
     *
     * @param file     the file it came from
     * @param line     its 1-based line
     * @param text     the text to check
     * @param warning  a note about the row (e.g. invalid UTF-8 replaced), or empty
     * @param bytes    its size in the file, for throughput figures
     */
    record Document(String file, long line, String text, String warning, long bytes) implements Row {
    }

    /**
     * A row that could not be read, with the reason.
     *
     * @param wholeFile true when the rest of the file cannot be read either (e.g. no such column)
     */
    record Bad(String file, long line, String reason, boolean wholeFile) implements Row {

        public Bad(String file, long line, String reason) {
            this(file, line, reason, false);
        }
    }

    /**
     * A line of a one-document-per-line format, read as bytes and parsed later by {@link #parse()}.
     *
     * @param bytes    the line without its terminator, in {@code bytes[0, length)}
     * @param rawBytes its size in the file, terminator included
     */
    record Unparsed(String file, long line, byte[] bytes, int length, long rawBytes, LineFormat format)
            implements Row {

        /** The document or bad row this line holds, or null for a blank line (skipped). Thread-safe. */
        public Row parse() {
            return format.parse(this);
        }
    }
}
