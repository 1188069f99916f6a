package dev.parapet.cli.scan;

/** One row read from an input file: a document to check, or a bad row to report and skip. */
public sealed interface Row permits Row.Document, Row.Bad {

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
}
