package dev.parapet.cli.scan;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The messages of a scan (bad rows, warnings), at most {@link #perFile} of them for each file, then one line that
 * says how many more there were. A binary or badly encoded file would otherwise print a line for each of its
 * thousands of lines; the rows are still all counted and skipped or checked as before. Messages arrive file
 * by file, in input order, on one thread. Not thread-safe.
 */
public final class FileMessages {

    private final PrintWriter err;
    private final int perFile;
    private String file;
    private int shown;
    private long hidden;

    /**
     * @param err     where messages go
     * @param perFile how many of one file's messages are printed
     */
    public FileMessages(PrintWriter err, int perFile) {
        if (perFile < 0) {
            throw new IllegalArgumentException("perFile must not be negative, was " + perFile);
        }
        this.err = err;
        this.perFile = perFile;
    }

    /** Prints {@code messages} of {@code file} within the file's allowance. */
    public void print(String file, List<String> messages) {
        if (!file.equals(this.file)) {
            finish();
            this.file = file;
        }
        for (String m : messages) {
            if (shown < perFile) {
                err.println(m);
                shown++;
            } else {
                hidden++;
            }
        }
    }

    /** Says how many of the last file's messages were not printed, if any. Call once no more will come. */
    public void finish() {
        if (hidden > 0) {
            err.println(String.format(Locale.ROOT, "parapet: %s: %,d more messages like these not shown", file,
                    hidden));
        }
        file = null;
        shown = 0;
        hidden = 0;
    }
}
