package dev.parapet.ml.model;

/** A trained model that scores one piece of text. Implementations are immutable and thread-safe. */
public interface SafetyClassifier {

    /** The model's name, as in its file and manifest (e.g. {@code ngram-safety}). */
    String name();

    /** Longest text, in chars, scored in one piece; longer texts are windowed by the caller. */
    int windowChars();

    SafetyScores score(String text);
}
