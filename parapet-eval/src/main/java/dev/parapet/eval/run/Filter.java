package dev.parapet.eval.run;

import dev.parapet.eval.dataset.Example;

import java.util.Map;

/** The thing under evaluation: anything that scores texts by canonical category. Must be thread-confined or safe. */
public interface Filter extends AutoCloseable {

    /** A name for reports ({@code rules}, {@code default}, {@code rules/lexicon}). */
    String name();

    /** The policy or configuration it runs under, for reports ({@code default@2026.11.1}). */
    String configuration();

    /** Its decision threshold per canonical category. */
    Map<String, Double> thresholds();

    /** Judges one text. */
    Judgement judge(String text, String language);

    /**
     * Judges one example; a filter that can read the instructions a text is addressed against (a system prompt)
     * overrides this, the others judge the text alone.
     */
    default Judgement judge(Example example) {
        return judge(example.text(), example.language());
    }

    @Override
    default void close() {
    }
}
