package dev.parapet.eval.dataset;

import java.util.List;
import java.util.Optional;

/** One row or object read from a dataset file, with where it starts. */
public interface Record {

    /** The file it came from. */
    String file();

    /** 1-based line where it starts. */
    long line();

    /**
     * The value at a field: a column name for CSV (or its 1-based number without a header), a key or dotted path
     * for JSON ({@code annotations.toxicity.majority_human}). Numbers and booleans come as their JSON text.
     * Empty when absent or null.
     */
    Optional<String> value(String path);

    /** The top-level field names, to help a user who named a missing one. */
    List<String> fields();
}
