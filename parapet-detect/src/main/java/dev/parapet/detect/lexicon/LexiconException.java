package dev.parapet.detect.lexicon;

/** A lexicon file that cannot be used: names the file, the line (0 when unknown) and the reason. */
public class LexiconException extends RuntimeException {

    private final String source;
    private final int line;
    private final String reason;

    public LexiconException(String source, int line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason, null, false, false);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
