package dev.parapet.cli.scan;

import java.io.Closeable;
import java.io.IOException;

/** Reads the documents of one input file, one {@link Row} at a time. */
public interface DocumentReader extends Closeable {

    /** The next row, or null at the end of the file. */
    Row next() throws IOException;

    /** Bytes read so far, for progress. */
    long bytesRead();
}
