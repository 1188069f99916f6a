package dev.parapet.eval.dataset;

/**
 * A row that could not be used, with where and why. Bad rows are counted and reported, never silently dropped.
 *
 * @param file   the file
 * @param line   1-based line (for JSON arrays: the line where the record starts); 0 when the whole file is affected
 * @param column the column or field involved, or "" when none
 * @param reason what was wrong
 */
public record RowIssue(String file, long line, String column, String reason) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (column.isEmpty() ? "" : " [" + column + "]") + ": " + reason;
    }
}
