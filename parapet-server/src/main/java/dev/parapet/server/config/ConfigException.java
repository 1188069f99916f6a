package dev.parapet.server.config;

/** A configuration mistake, with where it came from (file and line, or the environment variable). */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
