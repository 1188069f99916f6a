package dev.parapet.core.yaml;

/** A YAML document that could not be read or is not valid for its purpose: names the file, line and reason. */
public class YamlException extends RuntimeException {

    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    public YamlException(String source, int line, int column, String reason) {
        super(format(source, line, column, reason), null, false, false);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    private static String format(String source, int line, int column, String reason) {
        StringBuilder sb = new StringBuilder(source == null ? "<yaml>" : source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.append(": ").append(reason).toString();
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
