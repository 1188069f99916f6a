package dev.parapet.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies as JSON objects within a byte limit: a declared length over the limit is refused
 * without being kept, an undeclared one is cut off at the limit. Nesting and string lengths are bounded by the
 * parser, duplicate keys rejected.
 *
 * <p>A refused body is read and thrown away first when little of it is left ({@link #LINGER_BYTES}), as web
 * servers linger before closing: a connection closed with unread bytes is reset, and the reset can reach the
 * client before the 413 does, which then sees only a broken connection.
 */
public final class JsonBodies {

    /**
     * Bodies of a declared length up to this are read straight into an array of that length. Larger ones
     * grow as they arrive, so a client that declares a large body and sends little of it holds little memory.
     */
    static final int EXACT_READ_BYTES = 64 * 1024;
    /** At most this much of a refused body is read and discarded before the 413; past it the connection is cut. */
    static final long LINGER_BYTES = 1024 * 1024;

    private final ObjectMapper mapper;
    private final long maxBytes;

    public JsonBodies(long maxBytes) {
        this.maxBytes = maxBytes;
        this.mapper = strictMapper();
    }

    /** A mapper whose parser refuses deep nesting and duplicate keys. */
    public static ObjectMapper strictMapper() {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                .build();
        ObjectMapper m = new ObjectMapper(f);
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return m;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The body as a JSON object, or an {@link ApiException} saying what is wrong with it. */
    public ObjectNode read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        byte[] bytes;
        try {
            InputStream in = ctx.req().getInputStream();
            if (declared > maxBytes) {
                throw refuse(in, declared <= maxBytes + LINGER_BYTES);
            }
            bytes = declared >= 0 && declared <= EXACT_READ_BYTES ? readDeclared(in, (int) declared) : readBounded(in);
        } catch (IOException e) {
            throw ApiException.invalid("The request body could not be read.", null);
        }
        return parse(bytes);
    }

    /** The 413, after reading what is left of the body up to {@link #LINGER_BYTES} when {@code linger}. */
    private ApiException refuse(InputStream in, boolean linger) {
        if (linger) {
            try {
                byte[] buf = new byte[8192];
                long left = LINGER_BYTES;
                int n;
                while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                    left -= n;
                }
            } catch (IOException ignored) {
                // the client went away: nothing to answer
            }
        }
        return ApiException.tooLarge(maxBytes);
    }

    ObjectNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiException.invalidJson("The request body is empty; expected a JSON object.");
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiException.invalidJson("We could not parse the JSON body of your request" + where + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.invalidJson("We could not parse the JSON body of your request.");
        }
        if (!(node instanceof ObjectNode o)) {
            throw ApiException.invalidJson("The request body must be a JSON object.");
        }
        return o;
    }

    /**
     * A body of a declared length (at most the limit), read into one array of that size: no copy buffer,
     * no growing. A body that ends early is an error; bytes past the declared length are not read (the
     * server does not hand them to the body's stream).
     */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] b = new byte[length];
        if (in.readNBytes(b, 0, length) < length) {
            throw new IOException("the body ended before its declared length");
        }
        return b;
    }

    private byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw refuse(in, true);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
