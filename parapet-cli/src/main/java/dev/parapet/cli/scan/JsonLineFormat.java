package dev.parapet.cli.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.parapet.core.io.Utf8;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines: one object per line, the text under a field (a key, or a dotted path into nested objects).
 * A line of the commonest shape, {@code {"text":"…"}}, is read without a parser ({@link CompactJsonText});
 * others with Jackson's streaming parser, straight from its bytes when they are ASCII, so no
 * tree and no string copy of the line is made; the whole line is still parsed, so malformed JSON after
 * the field is reported as before. A key given twice counts by its last value, as in a JSON tree.
 */
final class JsonLineFormat implements LineFormat {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** Marks a field that is there but JSON null, so the message can say so. */
    private static final Object NULL = new Object();

    private final String[] path;
    private final CompactJsonText compact; // null when the field has no compact shape

    JsonLineFormat(String field) {
        this.path = field.split("\\.");
        this.compact = CompactJsonText.of(field);
    }

    @Override
    public Row parse(Row.Unparsed l) {
        String text = compact == null ? null : compact.read(l.bytes(), l.length());
        if (text != null) {
            return new Row.Document(l.file(), l.line(), text, "", l.rawBytes());
        }
        String warning = "";
        JsonParser p = null;
        try {
            if (isAscii(l.bytes(), l.length())) {
                if (isBlank(l.bytes(), l.length())) {
                    return null;
                }
                p = FACTORY.createParser(l.bytes(), 0, l.length());
            } else {
                Utf8.Lenient d = Utf8.lenient(l.bytes(), 0, l.length());
                if (d.text().isBlank()) {
                    return null;
                }
                warning = d.replaced() == 0 ? "" : "invalid UTF-8 replaced with U+FFFD";
                p = FACTORY.createParser(d.text());
            }
            return read(p, l, warning);
        } catch (JsonProcessingException e) {
            return new Row.Bad(l.file(), l.line(), "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Row.Bad(l.file(), l.line(), "malformed JSON: " + e.getMessage());
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // an in-memory source: nothing to release
                }
            }
        }
    }

    private Row read(JsonParser p, Row.Unparsed l, String warning) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return new Row.Bad(l.file(), l.line(), "expected a JSON object");
        }
        List<String> names = new ArrayList<>();
        Object[] value = new Object[1]; // the text, NULL for a JSON null, Boolean.FALSE for "not text"
        readObject(p, 0, names, value);
        String field = String.join(".", path);
        if (value[0] == null) {
            return new Row.Bad(l.file(), l.line(), "no field '" + field + "' (fields: " + String.join(", ", names)
                    + "); choose one with --field");
        }
        if (value[0] == NULL) {
            return new Row.Bad(l.file(), l.line(), "field '" + field + "' is null");
        }
        if (value[0] == Boolean.FALSE) {
            return new Row.Bad(l.file(), l.line(), "field '" + field + "' is not text");
        }
        return new Row.Document(l.file(), l.line(), (String) value[0], warning, l.rawBytes());
    }

    /**
     * Reads the object whose START_OBJECT was just read, at {@code depth} of the path; records top-level
     * names and the value at the path (last one wins).
     */
    private void readObject(JsonParser p, int depth, List<String> names, Object[] value) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (depth == 0) {
                names.add(name);
            }
            JsonToken v = p.nextToken();
            if (!name.equals(path[depth])) {
                p.skipChildren();
                continue;
            }
            if (depth < path.length - 1) {
                if (v == JsonToken.START_OBJECT) {
                    readObject(p, depth + 1, new ArrayList<>(), value);
                } else {
                    p.skipChildren();
                    value[0] = null; // the path goes through something that is not an object
                }
                continue;
            }
            if (v == JsonToken.VALUE_NULL) {
                value[0] = NULL;
            } else if (v.isScalarValue()) {
                value[0] = p.getText();
            } else {
                p.skipChildren();
                value[0] = Boolean.FALSE;
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
        }
    }

    private static boolean isAscii(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            byte c = b[i];
            if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x0B || c == 0x0C
                    || (c >= 0x1C && c <= 0x1F))) {
                return false;
            }
        }
        return true;
    }
}
