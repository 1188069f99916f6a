package dev.parapet.eval.run;

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

    @Override
    default void close() {
    }
}
