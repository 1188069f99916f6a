package dev.parapet.cli.scan;

import java.nio.file.Path;
import java.util.Locale;

/** Input formats of {@code parapet scan}. */
public enum Format {
    AUTO, JSONL, CSV, TSV, TEXT;

    /** The format a file's name suggests; plain text when nothing else fits. */
    public static Format of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".tsv")) {
            return TSV;
        }
        return TEXT;
    }
}
