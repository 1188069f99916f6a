package dev.parapet.eval.dataset;

/** A dataset that cannot be read at all: missing file, empty file, missing column, unknown name. */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }
}
