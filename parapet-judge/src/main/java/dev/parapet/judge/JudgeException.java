package dev.parapet.judge;

/**
 * A guard model check failed: the server failed or answered outside the model's format, or the circuit is
 * open. The pipeline applies its fail mode (closed by default: block). The message names the judge and the
 * reason, never the content judged.
 */
public class JudgeException extends Exception {

    public JudgeException(String message) {
        super(message, null, false, false);
    }
}
