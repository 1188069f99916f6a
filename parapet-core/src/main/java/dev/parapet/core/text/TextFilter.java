package dev.parapet.core.text;

/**
 * One step of a normalisation chain. Like Lucene's {@code TokenFilter}, a filter wraps the filter before it
 * and does exactly one transformation; the offsets of every step are composed, so the chain's result still
 * maps every char into the text the chain started from. Filters are immutable and thread-safe.
 */
abstract class TextFilter {

    /** The step before this one, or null when this filter reads the text itself. */
    private final TextFilter input;

    TextFilter(TextFilter input) {
        this.input = input;
    }

    /** Runs the chain up to and including this filter; the view maps into {@code text}. */
    final MappedText apply(String text) {
        MappedText in = input == null ? MappedText.identity(text) : input.apply(text);
        MappedText out = transform(in.text());
        return out == null ? in : MappedText.compose(in, out);
    }

    /** This filter's own step: a view of {@code text}, or null when the step changes nothing. */
    abstract MappedText transform(String text);

    /** Appends {@code text[from, to)} unchanged, each char mapped to itself. */
    static void copy(MappedText.Builder out, String text, int from, int to) {
        out.appendUnchanged(text, from, to);
    }
}
