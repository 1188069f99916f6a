package dev.parapet.ml.linear;

import java.io.DataOutput;
import java.io.IOException;

/** A trained binary scorer: a real-valued margin (a logit) for a feature vector. Immutable. */
public interface MarginModel {

    int dimension();

    /** The logit of the positive class. */
    double margin(SparseVector x);

    void write(DataOutput out) throws IOException;
}
