package dev.parapet.ml.model;

import dev.parapet.ml.linear.MarginModel;
import dev.parapet.ml.linear.MlpModel;
import dev.parapet.ml.linear.Platt;
import dev.parapet.ml.linear.SoftmaxRegression;
import dev.parapet.ml.linear.SparseVector;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained part of a model over some feature vector: a binary unsafe head (linear or with one hidden layer)
 * with its Platt calibration, and
 * a category head that says, given unsafe, which canonical category (trained on unsafe examples only). The
 * category head reads the features folded to {@code categoryBits} bits, which keeps it small for hashed
 * features. Immutable.
 */
public record SafetyHeads(MarginModel unsafe, Platt calibration, SoftmaxRegression category,
                          int categoryBits, List<String> categories) {

    public SafetyHeads {
        categories = List.copyOf(categories);
        if (unsafe instanceof SoftmaxRegression s && s.classes() != 2) {
            throw new IllegalArgumentException("the unsafe head must be binary");
        }
        if (category.classes() != categories.size()) {
            throw new IllegalArgumentException("category head has " + category.classes() + " classes for "
                    + categories.size() + " names");
        }
    }

    /** The uncalibrated margin of the unsafe head. */
    public double margin(SparseVector x) {
        return unsafe.margin(x);
    }

    public SafetyScores score(SparseVector x) {
        double p = calibration.probability(unsafe.margin(x));
        double[] c = category.dimension() == unsafe.dimension() ? category.probabilities(x)
                : category.probabilities(x, categoryBits);
        Map<String, Double> byCategory = new LinkedHashMap<>();
        for (int k = 0; k < c.length; k++) {
            byCategory.put(categories.get(k), c[k]);
        }
        return new SafetyScores(p, byCategory);
    }

    public void write(DataOutput out) throws IOException {
        unsafe.write(out);
        out.writeDouble(calibration.a());
        out.writeDouble(calibration.b());
        out.writeInt(categoryBits);
        out.writeInt(categories.size());
        for (String c : categories) {
            out.writeUTF(c);
        }
        category.write(out);
    }

    public static SafetyHeads read(DataInput in) throws IOException {
        MarginModel unsafe = MlpModel.readMarginModel(in);
        Platt platt = new Platt(in.readDouble(), in.readDouble());
        int bits = in.readInt();
        int n = in.readInt();
        if (n < 2 || n > 1024) {
            throw new IOException("bad category count " + n);
        }
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(in.readUTF());
        }
        return new SafetyHeads(unsafe, platt, SoftmaxRegression.read(in), bits, names);
    }
}
