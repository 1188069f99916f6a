package dev.parapet.eval.dataset;

import java.io.Closeable;
import java.io.IOException;

/** Reads the records of one file in order. Not thread-safe. */
public interface RecordSource extends Closeable {

    /** The next record, or the issue that made a row unreadable; {@code null} at the end. */
    Item next() throws IOException;

    /** What {@link #next()} yields: a record or a bad row. */
    sealed interface Item permits Item.Row, Item.Bad {
        /** A readable record. */
        record Row(Record record) implements Item {
        }

        /** An unreadable row, counted and reported. */
        record Bad(RowIssue issue) implements Item {
        }
    }
}
