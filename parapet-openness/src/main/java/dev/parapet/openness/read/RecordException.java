package dev.parapet.openness.read;

/** A record that could not be read at all: names the file, the line (0 when unknown) and the reason. */
public final class RecordException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public RecordException(String file, int line, String reason) {
        super((line > 0 ? file + ":" + line : file) + ": " + reason, null, false, false);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
