package dev.parapet.cli.scan;

import dev.parapet.core.io.Utf8;
import dev.parapet.core.io.LineReader;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Opens a {@link DocumentReader} for a file in a given format. */
public final class Readers {

    /** Longest line read whole; longer lines are reported and skipped. */
    public static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    private Readers() {
    }

    /**
     * @param field the text field (JSONL: a key, or a dotted path; CSV/TSV: a column name)
     * @throws IOException when the file cannot be opened
     */
    public static DocumentReader open(Path file, Format format, String field) throws IOException {
        Format f = format == Format.AUTO ? Format.of(file) : format;
        CountingStream counted = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        InputStream in = file.getFileName().toString().endsWith(".gz")
                ? new BufferedInputStream(new GZIPInputStream(counted), 1 << 16) : counted;
        String name = file.toString();
        return switch (f) {
            case JSONL -> new LineDocuments(name, in, counted, new JsonLineFormat(field));
            case CSV -> new Delimited(name, in, counted, field, ',');
            case TSV -> new Delimited(name, in, counted, field, '\t');
            default -> new LineDocuments(name, in, counted, new TextLineFormat());
        };
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }

    /**
     * A format with one document per line: reads lines as bytes and reports over-long ones; each line is
     * handed on unparsed, with the {@link LineFormat} that turns it into a row on a worker thread.
     */
    private static final class LineDocuments implements DocumentReader {
        private final String name;
        private final LineReader lines;
        private final CountingStream counted;
        private final InputStream in;
        private final LineFormat format;
        private long lineNo;

        LineDocuments(String name, InputStream in, CountingStream counted, LineFormat format) {
            this.name = name;
            this.in = in;
            this.counted = counted;
            this.format = format;
            this.lines = new LineReader(in, MAX_LINE_BYTES);
        }

        @Override
        public Row next() throws IOException {
            LineReader.Line l = lines.next();
            if (l == null) return null;
            lineNo++;
            if (l.tooLong()) {
                return new Row.Bad(name, lineNo, "line longer than " + MAX_LINE_BYTES + " bytes, skipped");
            }
            return new Row.Unparsed(name, lineNo, l.bytes(), l.length(), l.rawLength(), format);
        }

        @Override
        public long bytesRead() {
            return counted.count;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Plain text: one document per non-blank line; invalid UTF-8 replaced, with a warning. */
    private static final class TextLineFormat implements LineFormat {
        @Override
        public Row parse(Row.Unparsed l) {
            Utf8.Lenient d = Utf8.lenient(l.bytes(), 0, l.length());
            if (d.text().isBlank()) {
                return null;
            }
            return new Row.Document(l.file(), l.line(), d.text(),
                    d.replaced() == 0 ? "" : "invalid UTF-8 replaced with U+FFFD", l.rawBytes());
        }
    }

    /** CSV or TSV with a header row; quoted fields may span lines. */
    private static final class Delimited implements DocumentReader {
        private final String name;
        private final CountingStream counted;
        private final InputStream in;
        private final String field;
        private final MappingIterator<Map<String, String>> rows;
        private final CsvParser parser;
        private boolean broken;

        Delimited(String name, InputStream in, CountingStream counted, String field, char separator) throws IOException {
            this.name = name;
            this.in = in;
            this.counted = counted;
            this.field = field;
            CsvMapper mapper = new CsvMapper();
            CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
            if (separator == '\t') {
                schema = schema.withoutQuoteChar();
            }
            InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            this.rows = mapper.readerFor(Map.class).with(schema).readValues(reader);
            this.parser = (CsvParser) rows.getParser();
        }

        @Override
        public Row next() throws IOException {
            if (broken) return null;
            try {
                if (!rows.hasNextValue()) return null;
                long line = parser.currentLocation().getLineNr();
                Map<String, String> row = rows.nextValue();
                CsvSchema header = (CsvSchema) parser.getSchema();
                if (header.column(field) == null) {
                    broken = true;
                    List<String> cols = new ArrayList<>();
                    Iterator<CsvSchema.Column> it = header.iterator();
                    it.forEachRemaining(c -> cols.add(c.getName()));
                    return new Row.Bad(name, 1, "no column '" + field + "' (columns: " + String.join(", ", cols)
                            + "); choose one with --field; file skipped", true);
                }
                String text = row.get(field);
                if (text == null || text.isBlank()) {
                    return new Row.Bad(name, line, "empty '" + field + "' column");
                }
                String warning = text.indexOf('\uFFFD') >= 0 ? "contains U+FFFD (invalid UTF-8 in the file?)" : "";
                return new Row.Document(name, line, text, warning, text.length());
            } catch (RuntimeException | IOException e) {
                broken = true;
                long line = parser.currentLocation().getLineNr();
                String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
                return new Row.Bad(name, line, "malformed CSV (" + m + "); rest of file skipped", true);
            }
        }

        @Override
        public long bytesRead() {
            return counted.count;
        }

        @Override
        public void close() throws IOException {
            parser.close();
            in.close();
        }
    }
}
