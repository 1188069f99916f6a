package dev.parapet.ml.linear;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.4) with a backtracking Armijo line search. Plain
 * sequential arithmetic, so a run is deterministic: the same function and start give the same bits.
 *
 * @param memory        correction pairs kept (5-20 is usual)
 * @param maxIterations iterations at most
 * @param tolerance     stops when the relative decrease of the value over an iteration falls below it
 */
public record Lbfgs(int memory, int maxIterations, double tolerance) {

    public Lbfgs {
        if (memory < 1 || maxIterations < 1 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("bad L-BFGS settings: memory " + memory + ", iterations "
                    + maxIterations + ", tolerance " + tolerance);
        }
    }

    /** The result of a run: the minimiser found, its value and the iterations taken. */
    public record Result(double[] x, double value, int iterations) {
    }

    public Result minimize(DifferentiableFunction f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        Deque<double[]> ss = new ArrayDeque<>();
        Deque<double[]> ys = new ArrayDeque<>();
        Deque<Double> rhos = new ArrayDeque<>();
        double[] dir = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int it = 0;
        while (it < maxIterations) {
            it++;
            twoLoop(g, ss, ys, rhos, dir);
            double slope = dot(g, dir);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                ss.clear();
                ys.clear();
                rhos.clear();
                for (int i = 0; i < n; i++) {
                    dir[i] = -g[i];
                }
                slope = dot(g, dir);
            }
            if (slope == 0) {
                break;
            }
            double step = ss.isEmpty() ? 1.0 / Math.max(1.0, Math.sqrt(dot(g, g))) : 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int tries = 0; tries < 40; tries++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * dir[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12) {
                ss.addLast(s);
                ys.addLast(y);
                rhos.addLast(1.0 / sy);
                if (ss.size() > memory) {
                    ss.removeFirst();
                    ys.removeFirst();
                    rhos.removeFirst();
                }
            }
            double decrease = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (decrease <= tolerance * Math.max(1.0, Math.abs(fx))) {
                break;
            }
        }
        return new Result(x, fx, it);
    }

    /** dir = -H g, with H the implicit inverse-Hessian approximation. */
    private static void twoLoop(double[] g, Deque<double[]> ss, Deque<double[]> ys, Deque<Double> rhos,
                                double[] dir) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            dir[i] = -g[i];
        }
        int m = ss.size();
        double[] alpha = new double[m];
        Iterator<double[]> si = ss.descendingIterator();
        Iterator<double[]> yi = ys.descendingIterator();
        Iterator<Double> ri = rhos.descendingIterator();
        for (int k = m - 1; k >= 0; k--) {
            double[] s = si.next();
            double[] y = yi.next();
            double rho = ri.next();
            alpha[k] = rho * dot(s, dir);
            axpy(-alpha[k], y, dir);
        }
        if (m > 0) {
            double[] s = ss.peekLast();
            double[] y = ys.peekLast();
            double gamma = dot(s, y) / dot(y, y);
            for (int i = 0; i < n; i++) {
                dir[i] *= gamma;
            }
        }
        Iterator<double[]> sf = ss.iterator();
        Iterator<double[]> yf = ys.iterator();
        Iterator<Double> rf = rhos.iterator();
        for (int k = 0; k < m; k++) {
            double[] s = sf.next();
            double[] y = yf.next();
            double rho = rf.next();
            double beta = rho * dot(y, dir);
            axpy(alpha[k] - beta, s, dir);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
