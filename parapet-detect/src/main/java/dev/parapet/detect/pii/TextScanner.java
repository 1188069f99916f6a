package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.util.List;

/** Finds one kind of thing in a text. Implementations are immutable and linear in the text's length. */
interface TextScanner {

    /** Appends every match in {@code text} to {@code out}; calls {@code deadline.check()} on long input. */
    void scan(String text, Deadline deadline, List<Hit> out);
}
