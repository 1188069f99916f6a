package dev.parapet.eval.dataset;

import java.nio.file.Path;
import java.util.Locale;

/** File formats a dataset can be read from; {@code .gz} files are decompressed first. */
public enum Format {
    /** Comma-separated with a header row; quoted fields may span lines. */
    CSV,
    /** Tab-separated with a header row. */
    TSV,
    /** Comma-separated without a header; columns are named 1, 2, 3, ... */
    CSV_NO_HEADER,
    /** One JSON document: an array of objects, or an object holding one (see the records path). */
    JSON,
    /** JSON Lines: one object per line. */
    JSONL;

    /** The format a file name suggests, ignoring a trailing {@code .gz}. */
    public static Format of(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".csv")) return CSV;
        if (n.endsWith(".tsv")) return TSV;
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) return JSONL;
        if (n.endsWith(".json")) return JSON;
        if (n.endsWith(".parquet")) {
            throw new DatasetException(file + ": parquet is not supported; use the CSV, JSON or JSONL copy");
        }
        throw new DatasetException(file + ": unknown file type; expected .csv, .tsv, .json, .jsonl (optionally .gz)"
                + " or give the format");
    }

    /** Parses {@code csv}, {@code tsv}, {@code csv-no-header}, {@code json}, {@code jsonl}. */
    public static Format parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "tsv" -> TSV;
            case "csv-no-header" -> CSV_NO_HEADER;
            case "json" -> JSON;
            case "jsonl", "ndjson" -> JSONL;
            default -> throw new DatasetException("unknown format '" + s + "' (csv, tsv, csv-no-header, json, jsonl)");
        };
    }
}
