package dev.parapet.bench;

/**
 * A benchmark's inputs taken in turn, so that a corpus of different texts, not one text repeated, is measured.
 * Not thread-safe: one per benchmark state.
 */
final class Cycle<T> {

    private final T[] items;
    private int next;

    Cycle(T[] items) {
        if (items.length == 0) {
            throw new IllegalArgumentException("no inputs");
        }
        this.items = items.clone();
    }

    /** The next input: the only one, or the items in turn. */
    T next() {
        T t = items[next];
        next = next + 1 == items.length ? 0 : next + 1;
        return t;
    }
}
