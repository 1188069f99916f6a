package dev.parapet.eval.dataset;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A CSV row as a {@link Record}: values by column name (or 1-based column number). */
record CsvRecord(String file, long line, Map<String, Integer> columns, List<String> header, String[] cells)
        implements Record {

    @Override
    public Optional<String> value(String column) {
        Integer i = columns.get(column);
        if (i == null || i >= cells.length || cells[i] == null) {
            return Optional.empty();
        }
        return Optional.of(cells[i]);
    }

    @Override
    public List<String> fields() {
        return header;
    }
}
