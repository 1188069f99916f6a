package dev.parapet.eval.cli;

import dev.parapet.eval.run.Progress;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress on one line of standard error, redrawn at most five times a second; silent when not on a terminal. */
final class TerminalProgress implements Progress {

    private final PrintWriter err;
    private long last;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    static Progress forConsole(PrintWriter err) {
        return System.console() == null ? Progress.NONE : new TerminalProgress(err);
    }

    @Override
    public void update(String task, long done, long total) {
        long now = System.nanoTime();
        if (now - last < 200_000_000L && done < total) return;
        last = now;
        err.printf(Locale.ROOT, "\r%s: %d/%d (%d%%)   ", task, done, total, total == 0 ? 100 : done * 100 / total);
        err.flush();
    }

    @Override
    public void finish(String task) {
        err.print("\r\033[K");
        err.flush();
    }
}
