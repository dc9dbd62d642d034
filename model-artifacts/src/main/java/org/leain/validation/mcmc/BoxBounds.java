package org.leain.validation.mcmc;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An axis-aligned box [lower_i, upper_i] in parameter space: the support of the target (for LEAIN,
 * the prior box of DESIGN.md section 5). The sampler never evaluates the density outside it.
 */
public record BoxBounds(double[] lower, double[] upper) {

  /** Validates that both bounds have the same length and that every interval is finite and non-empty. */
  public BoxBounds {
    if (lower.length != upper.length || lower.length == 0) {
      throw new IllegalArgumentException("Expected lower and upper bounds of one non-zero length. Actual: "
          + lower.length + " and " + upper.length);
    }
    for (int i = 0; i < lower.length; i++) {
      if (!(Double.isFinite(lower[i]) && Double.isFinite(upper[i]) && lower[i] < upper[i])) {
        throw new IllegalArgumentException("Expected finite lower < upper for parameter " + i
            + ". Actual: [" + lower[i] + ", " + upper[i] + "]");
      }
    }
    lower = lower.clone();
    upper = upper.clone();
  }

  /** A box with the same interval [lo, hi] in each of {@code dimension} parameters. */
  public static BoxBounds cube(int dimension, double lo, double hi) {
    double[] l = new double[dimension];
    double[] u = new double[dimension];
    Arrays.fill(l, lo);
    Arrays.fill(u, hi);
    return new BoxBounds(l, u);
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }

  public int dimension() {
    return lower.length;
  }

  public double lower(int i) {
    return lower[i];
  }

  public double upper(int i) {
    return upper[i];
  }

  public double width(int i) {
    return upper[i] - lower[i];
  }

  /** True if x lies in the closed box. */
  public boolean contains(double[] x) {
    for (int i = 0; i < lower.length; i++) {
      if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
        return false;
      }
    }
    return true;
  }

  /** A draw from the uniform distribution on the box (the LEAIN prior). */
  public double[] uniformDraw(SplittableRandom random) {
    double[] x = new double[lower.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = lower[i] + random.nextDouble() * width(i);
    }
    return x;
  }

  /** x mapped to the unit cube: (x_i - lower_i) / width_i. */
  public double[] toUnitCube(double[] x) {
    double[] u = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      u[i] = (x[i] - lower[i]) / width(i);
    }
    return u;
  }

  /** The inverse of {@link #toUnitCube(double[])}. */
  public double[] fromUnitCube(double[] u) {
    double[] x = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      x[i] = lower[i] + u[i] * width(i);
    }
    return x;
  }
}
