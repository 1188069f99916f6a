package dev.parapet.cli.scan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.core.verdict.VerdictJson;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The output line of a document the fast path cleared, written from bytes prepared once. The bytes are
 * cut from what {@link VerdictJson} writes for the allow verdict, so the line is the one the full path
 * would write: {@code {"file":…,"line":…,"action":"allow",…,"elapsed_ms":…}}. Immutable.
 */
public final class AllowedLine {

    private static final String ELAPSED = "\"elapsed_ms\":";

    private final VerdictJson json;
    private final byte[] middle; // from after the line number to the elapsed time's value

    /** @param allow the allow verdict of the pipeline's policy (any elapsed time) */
    public AllowedLine(VerdictJson json, Verdict allow) {
        this.json = json;
        ObjectNode o = json.object();
        o.put("file", "");
        o.put("line", 0L);
        String line = json.write(json.toJson(o, allow));
        String head = "{\"file\":\"\",\"line\":0";
        int elapsed = line.lastIndexOf(ELAPSED);
        if (!line.startsWith(head) || elapsed < 0) {
            throw new IllegalStateException("unexpected verdict JSON: " + line);
        }
        this.middle = line.substring(head.length(), elapsed + ELAPSED.length()).getBytes(StandardCharsets.UTF_8);
    }

    /** The start of every line for {@code file}: {@code {"file":"…","line":}, escaped as JSON. */
    public byte[] head(String file) {
        ObjectNode o = json.object();
        o.put("file", file);
        String s = json.write(o);
        return (s.substring(0, s.length() - 1) + ",\"line\":").getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the line (with its newline) for line {@code line} of the file whose {@link #head} is given. */
    public void write(OutputBuffer out, byte[] head, long line, Duration elapsed) {
        out.append(head).append(line).append(middle)
                .append(Double.toString(Math.round(elapsed.toNanos() / 1_000.0) / 1_000.0))
                .append((byte) '}').append((byte) '\n');
    }
}
