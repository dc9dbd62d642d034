package org.leain.sim.sed;

import org.leain.sim.special.ErrorFunction;

/**
 * The standard normal distribution function Phi from a table: cubic Hermite interpolation of Phi
 * and its exact derivative phi on nodes 0.01 apart over [-8, 8] (0 and 1 beyond), absolute error
 * below 2e-11. The line profiles call it a few hundred times per spectrum, where the series of
 * {@link ErrorFunction} would dominate the cost of the model.
 */
final class GaussianCdfTable {

  private static final double LIMIT = 8.0;
  private static final double STEP = 0.01;
  private static final int SIZE = (int) Math.round(2 * LIMIT / STEP) + 1;
  private static final double[] CDF = new double[SIZE];
  private static final double[] PDF_TIMES_STEP = new double[SIZE];

  static {
    for (int j = 0; j < SIZE; j++) {
      double x = -LIMIT + j * STEP;
      CDF[j] = ErrorFunction.normalCdf(x);
      PDF_TIMES_STEP[j] = STEP * Math.exp(-0.5 * x * x) / Math.sqrt(2.0 * Math.PI);
    }
  }

  private GaussianCdfTable() {}

  static double cdf(double x) {
    if (x <= -LIMIT) {
      return 0.0;
    }
    if (x >= LIMIT) {
      return 1.0;
    }
    double t = (x + LIMIT) / STEP;
    int j = Math.min((int) t, SIZE - 2);
    double u = t - j;
    double u2 = u * u;
    double u3 = u2 * u;
    return (2 * u3 - 3 * u2 + 1) * CDF[j] + (u3 - 2 * u2 + u) * PDF_TIMES_STEP[j]
        + (-2 * u3 + 3 * u2) * CDF[j + 1] + (u3 - u2) * PDF_TIMES_STEP[j + 1];
  }
}
