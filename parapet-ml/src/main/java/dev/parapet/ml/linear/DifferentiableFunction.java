package dev.parapet.ml.linear;

/** A smooth function to minimise: its value at a point, with the gradient written into {@code gradient}. */
@FunctionalInterface
public interface DifferentiableFunction {

    double valueAndGradient(double[] x, double[] gradient);
}
