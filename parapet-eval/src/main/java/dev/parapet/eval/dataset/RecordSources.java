package dev.parapet.eval.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.MappingIterator;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Opens a {@link RecordSource} for a CSV, TSV, JSON or JSON Lines file, gzipped or not. */
public final class RecordSources {

    /** Longest JSON line read; longer lines are reported as bad rows. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The last key of a records path that reads an object of named lists of strings
     * ({@code {"group": ["text", ...], ...}}): each string becomes a record with fields {@code group} and {@code text}.
     */
    public static final String GROUPS = "*";

    private RecordSources() {
    }

    /**
     * @param records for {@link Format#JSON}: the path of keys to the array of records inside a top-level object
     *                (empty when the document is the array itself)
     * @throws DatasetException when the file is missing, empty or not of the expected shape
     */
    public static RecordSource open(Path file, Format format, List<String> records) throws IOException {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file");
        }
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new BufferedInputStream(new GZIPInputStream(in), 1 << 16);
        }
        PushbackInputStream probe = new PushbackInputStream(in, 1);
        int first = probe.read();
        if (first < 0) {
            probe.close();
            throw new DatasetException(file + ": empty file");
        }
        probe.unread(first);
        String name = file.toString();
        return switch (format) {
            case JSONL -> new JsonLines(name, probe);
            case JSON -> !records.isEmpty() && records.get(records.size() - 1).equals(GROUPS)
                    ? JsonGroups.open(name, probe, records.subList(0, records.size() - 1))
                    : JsonArray.open(name, probe, records);
            case CSV -> new Delimited(name, probe, ',', true);
            case TSV -> new Delimited(name, probe, '\t', true);
            case CSV_NO_HEADER -> new Delimited(name, probe, ',', false);
        };
    }

    private static String firstLine(String m) {
        if (m == null) return "";
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** JSON Lines: each non-blank line one object. */
    private static final class JsonLines implements RecordSource {
        private final String name;
        private final InputStream in;
        private final ByteLines lines;

        JsonLines(String name, InputStream in) {
            this.name = name;
            this.in = in;
            this.lines = new ByteLines(in, MAX_LINE_BYTES);
        }

        @Override
        public Item next() throws IOException {
            while (true) {
                ByteLines.Line l = lines.next();
                if (l == null) return null;
                if (l.problem() != null) {
                    return new Item.Bad(new RowIssue(name, l.number(), "", l.problem()));
                }
                if (l.text().isBlank()) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(l.text());
                } catch (JsonProcessingException e) {
                    return new Item.Bad(new RowIssue(name, l.number(), "", "malformed JSON: "
                            + firstLine(e.getOriginalMessage())));
                }
                if (node == null || !node.isObject()) {
                    return new Item.Bad(new RowIssue(name, l.number(), "", "expected a JSON object"));
                }
                return new Item.Row(new JsonRecord(name, l.number(), node));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** One JSON document holding an array of objects, read element by element. */
    private static final class JsonArray implements RecordSource {
        private final String name;
        private final JsonParser parser;
        private boolean done;

        private JsonArray(String name, JsonParser parser) {
            this.name = name;
            this.parser = parser;
        }

        static JsonArray open(String name, InputStream in, List<String> records) throws IOException {
            JsonParser p = JSON.getFactory().createParser(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            try {
                JsonToken t = p.nextToken();
                for (String key : records) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new DatasetException(name + ":" + line(p) + ": expected an object holding '" + key + "'");
                    }
                    t = findField(p, name, key);
                }
                if (t == JsonToken.START_OBJECT && records.isEmpty()) {
                    List<String> arrays = arrayFields(p);
                    throw new DatasetException(name + ": the document is an object, not an array of records; name the"
                            + " field holding them" + (arrays.isEmpty() ? "" : " (arrays: " + String.join(", ", arrays) + ")")
                            + ", or read it as JSON Lines if it has one object per line");
                }
                if (t != JsonToken.START_ARRAY) {
                    throw new DatasetException(name + ":" + line(p) + ": expected an array of records");
                }
                return new JsonArray(name, p);
            } catch (JsonProcessingException e) {
                p.close();
                throw new DatasetException(name + ":" + line(p) + ": malformed JSON: " + firstLine(e.getOriginalMessage()));
            } catch (DatasetException e) {
                p.close();
                throw e;
            }
        }

        /** Moves to the value of {@code key} in the current object; fails naming the keys found. */
        private static JsonToken findField(JsonParser p, String name, String key) throws IOException {
            List<String> seen = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if (f.equals(key)) return v;
                seen.add(f);
                p.skipChildren();
            }
            throw new DatasetException(name + ": no field '" + key + "' (fields: " + String.join(", ", seen) + ")");
        }

        private static List<String> arrayFields(JsonParser p) throws IOException {
            List<String> arrays = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                if (p.nextToken() == JsonToken.START_ARRAY) arrays.add(f);
                p.skipChildren();
            }
            return arrays;
        }

        private static long line(JsonParser p) {
            return p.currentTokenLocation().getLineNr();
        }

        @Override
        public Item next() throws IOException {
            if (done) return null;
            try {
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY || t == null) {
                    done = true;
                    return null;
                }
                long line = line(parser);
                if (t != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    return new Item.Bad(new RowIssue(name, line, "", "expected a JSON object, found " + t.asString()));
                }
                JsonNode node = JSON.readTree(parser);
                return new Item.Row(new JsonRecord(name, line, node));
            } catch (JsonProcessingException e) {
                done = true;
                return new Item.Bad(new RowIssue(name, line(parser), "", "malformed JSON ("
                        + firstLine(e.getOriginalMessage()) + "); rest of file skipped"));
            } catch (CharacterCodingException e) {
                done = true;
                return new Item.Bad(new RowIssue(name, line(parser), "", "invalid UTF-8 (is the file in another"
                        + " encoding?); rest of file skipped"));
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** An object of named lists of strings; each string is a record {@code {"group": name, "text": string}}. */
    private static final class JsonGroups implements RecordSource {
        private final String name;
        private final JsonParser parser;
        private String group;
        private boolean done;

        private JsonGroups(String name, JsonParser parser) {
            this.name = name;
            this.parser = parser;
        }

        static JsonGroups open(String name, InputStream in, List<String> keys) throws IOException {
            JsonParser p = JSON.getFactory().createParser(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            try {
                JsonToken t = p.nextToken();
                for (String key : keys) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new DatasetException(name + ":" + JsonArray.line(p) + ": expected an object holding '" + key + "'");
                    }
                    t = JsonArray.findField(p, name, key);
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new DatasetException(name + ":" + JsonArray.line(p) + ": expected an object of named lists");
                }
                return new JsonGroups(name, p);
            } catch (JsonProcessingException e) {
                p.close();
                throw new DatasetException(name + ":" + JsonArray.line(p) + ": malformed JSON: " + firstLine(e.getOriginalMessage()));
            } catch (DatasetException e) {
                p.close();
                throw e;
            }
        }

        @Override
        public Item next() throws IOException {
            try {
                while (!done) {
                    JsonToken t = parser.nextToken();
                    if (group == null) {
                        if (t != JsonToken.FIELD_NAME) {
                            done = true;
                            return null;
                        }
                        group = parser.currentName();
                        if (parser.nextToken() != JsonToken.START_ARRAY) {
                            long line = JsonArray.line(parser);
                            parser.skipChildren();
                            String g = group;
                            group = null;
                            return new Item.Bad(new RowIssue(name, line, g, "expected a list of strings"));
                        }
                        continue;
                    }
                    if (t == JsonToken.END_ARRAY) {
                        group = null;
                        continue;
                    }
                    long line = JsonArray.line(parser);
                    if (t != JsonToken.VALUE_STRING) {
                        parser.skipChildren();
                        return new Item.Bad(new RowIssue(name, line, group, "expected a string"));
                    }
                    com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
                    o.put("group", group);
                    o.put("text", parser.getText());
                    return new Item.Row(new JsonRecord(name, line, o));
                }
                return null;
            } catch (JsonProcessingException e) {
                done = true;
                return new Item.Bad(new RowIssue(name, JsonArray.line(parser), "", "malformed JSON ("
                        + firstLine(e.getOriginalMessage()) + "); rest of file skipped"));
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** CSV or TSV, with or without a header row; quoted CSV fields may span lines. */
    private static final class Delimited implements RecordSource {
        private final String name;
        private final InputStream in;
        private final CsvParser parser;
        private final MappingIterator<String[]> rows;
        private final boolean header;
        private List<String> names;
        private Map<String, Integer> columns;
        private boolean done;
        private long rowStart;
        private long skipped;

        Delimited(String name, InputStream in, char separator, boolean header) throws IOException {
            this.name = name;
            this.in = in;
            this.header = header;
            CsvMapper mapper = new CsvMapper();
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            if (separator == '\t') {
                schema = schema.withoutQuoteChar();
                this.skipped = skipLeadingComments(reader); // Parapet's own TSV files start with # comment lines
            }
            this.parser = mapper.getFactory().createParser(reader);
            parser.setSchema(schema); // a reader's schema does not reach a parser made beforehand
            this.rows = mapper.readerFor(String[].class).with(schema).readValues(parser);
        }

        @Override
        public Item next() throws IOException {
            if (done) return null;
            try {
                while (true) {
                    rowStart = skipped + parser.currentLocation().getLineNr(); // where the next row begins, even if broken
                    if (!rows.hasNextValue()) {
                        done = true;
                        if (names == null && header) throw new DatasetException(name + ": no header row");
                        return null;
                    }
                    long line = rowStart;
                    String[] cells = rows.nextValue();
                    if (names == null && cells.length > 0 && cells[0] != null && cells[0].startsWith("\uFEFF")) {
                        cells[0] = cells[0].substring(1); // a byte-order mark: only the file's first row has one
                    }
                    if (names == null) {
                        setColumns(cells);
                        if (header) continue;
                    }
                    if (cells.length == 1 && (cells[0] == null || cells[0].isBlank())) continue; // blank line
                    if (!header && cells.length > names.size()) setColumns(cells);
                    return new Item.Row(new CsvRecord(name, line, columns, names, cells));
                }
            } catch (CharacterCodingException e) {
                done = true;
                return new Item.Bad(new RowIssue(name, rowStart, "",
                        "invalid UTF-8 (is the file in another encoding?); rest of file skipped"));
            } catch (DatasetException e) {
                throw e;
            } catch (RuntimeException | IOException e) {
                done = true;
                return new Item.Bad(new RowIssue(name, rowStart, "",
                        "malformed CSV (" + firstLine(e.getMessage()) + "); rest of file skipped"));
            }
        }

        private static long skipLeadingComments(BufferedReader reader) throws IOException {
            long n = 0;
            while (true) {
                reader.mark(1);
                if (reader.read() != '#') {
                    reader.reset();
                    return n;
                }
                reader.readLine();
                n++;
            }
        }

        private void setColumns(String[] cells) {
            List<String> n = new ArrayList<>();
            Map<String, Integer> c = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                String col = header ? (cells[i] == null ? "" : cells[i].trim()) : Integer.toString(i + 1);
                n.add(col);
                c.putIfAbsent(col, i);
            }
            names = List.copyOf(n);
            columns = Map.copyOf(c);
        }

        @Override
        public void close() throws IOException {
            parser.close();
            in.close();
        }
    }
}
