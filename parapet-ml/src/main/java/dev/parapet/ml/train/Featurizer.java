package dev.parapet.ml.train;

import dev.parapet.ml.linear.SparseVector;

/** Turns a text into the feature vector a model's heads read. */
public interface Featurizer {

    int dimension();

    SparseVector vector(String text);
}
