package org.leain.validation.mcmc;

import java.util.Arrays;

/**
 * The Nelder-Mead (1965) downhill simplex on -log p~ inside the box, in unit-cube coordinates
 * (reflection 1, expansion 2, contraction 1/2, shrink 1/2). Points outside the box score +infinity,
 * so the simplex stays inside. Used only to move prior draws towards a mode before sampling.
 */
final class NelderMead {

  private final LogDensity target;
  private final BoxBounds box;
  private final int maxEvaluations;
  private final long deadlineNanos;
  private int evaluations;

  /** Stops after {@code maxEvaluations} or at the deadline ({@link System#nanoTime()}), whichever comes first. */
  NelderMead(LogDensity target, BoxBounds box, int maxEvaluations, long deadlineNanos) {
    this.target = target;
    this.box = box;
    this.maxEvaluations = maxEvaluations;
    this.deadlineNanos = deadlineNanos;
  }

  int evaluations() {
    return evaluations;
  }

  private double cost(double[] u) {
    for (double v : u) {
      if (!(v >= 0 && v <= 1)) {
        return Double.POSITIVE_INFINITY;
      }
    }
    evaluations++;
    double lp = target.logDensity(box.fromUnitCube(u));
    return lp == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : -lp;
  }

  /** A local minimum of -log p~ near {@code start} (a point of the box with finite density). */
  double[] minimise(double[] start, double initialStepUnit, double tolerance) {
    int d = start.length;
    double[][] simplex = new double[d + 1][];
    double[] f = new double[d + 1];
    simplex[0] = box.toUnitCube(start);
    for (int i = 0; i < d; i++) {
      double[] v = simplex[0].clone();
      v[i] += v[i] + initialStepUnit <= 1 ? initialStepUnit : -initialStepUnit;
      simplex[i + 1] = v;
    }
    for (int i = 0; i <= d; i++) {
      f[i] = cost(simplex[i]);
    }
    Integer[] order = new Integer[d + 1];
    while (evaluations < maxEvaluations && System.nanoTime() < deadlineNanos) {
      for (int i = 0; i <= d; i++) {
        order[i] = i;
      }
      final double[] fv = f;
      Arrays.sort(order, (a, b) -> Double.compare(fv[a], fv[b]));
      double[][] s = new double[d + 1][];
      double[] fs = new double[d + 1];
      for (int i = 0; i <= d; i++) {
        s[i] = simplex[order[i]];
        fs[i] = f[order[i]];
      }
      simplex = s;
      f = fs;
      if (Double.isFinite(f[d]) && Math.abs(f[d] - f[0]) <= tolerance * (Math.abs(f[0]) + tolerance)) {
        break;
      }
      double[] centroid = new double[d];
      for (int i = 0; i < d; i++) {
        for (int k = 0; k < d; k++) {
          centroid[k] += simplex[i][k] / d;
        }
      }
      double[] reflected = along(centroid, simplex[d], -1);
      double fr = cost(reflected);
      if (fr < f[0]) {
        double[] expanded = along(centroid, simplex[d], -2);
        double fe = cost(expanded);
        if (fe < fr) {
          simplex[d] = expanded;
          f[d] = fe;
        } else {
          simplex[d] = reflected;
          f[d] = fr;
        }
      } else if (fr < f[d - 1]) {
        simplex[d] = reflected;
        f[d] = fr;
      } else {
        double[] contracted = fr < f[d] ? along(centroid, reflected, 0.5) : along(centroid, simplex[d], 0.5);
        double fc = cost(contracted);
        if (fc < Math.min(fr, f[d])) {
          simplex[d] = contracted;
          f[d] = fc;
        } else {
          for (int i = 1; i <= d; i++) {
            simplex[i] = along(simplex[0], simplex[i], 0.5);
            f[i] = cost(simplex[i]);
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i <= d; i++) {
      if (f[i] < f[best]) {
        best = i;
      }
    }
    return box.fromUnitCube(simplex[best]);
  }

  /** from + t (to - from). */
  private static double[] along(double[] from, double[] to, double t) {
    double[] r = new double[from.length];
    for (int k = 0; k < r.length; k++) {
      r[k] = from[k] + t * (to[k] - from[k]);
    }
    return r;
  }
}
