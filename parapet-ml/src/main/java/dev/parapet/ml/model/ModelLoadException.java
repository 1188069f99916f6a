package dev.parapet.ml.model;

/** A model file that is missing, corrupt or of the wrong kind; thrown when the model is loaded. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
