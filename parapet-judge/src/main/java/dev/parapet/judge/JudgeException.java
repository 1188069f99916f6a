package dev.parapet.judge;

/**
 * A guard model check failed: the server failed or answered outside the model's format, or the circuit is
 * open. The pipeline applies its fail mode (closed by default: block). The message names the judge and the
 * reason; it never quotes the request, only the start of the model's or server's own answer (40 and 160 chars).
 */
public class JudgeException extends Exception {

    public JudgeException(String message) {
        super(message, null, false, false);
    }
}
