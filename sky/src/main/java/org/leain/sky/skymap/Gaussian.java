package org.leain.sky.skymap;

/**
 * The standard normal pdf and cdf to near double precision. Java has no erf, so the cdf uses the
 * everywhere-positive series {@code erf(z) = 2/sqrt(pi) exp(-z^2) sum 2^n z^(2n+1) / (2n+1)!!} for
 * |z| < 1.5 and the Lentz continued fraction for erfc beyond.
 */
final class Gaussian {

  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
  private static final double INV_SQRT_PI = 1.0 / Math.sqrt(Math.PI);

  private Gaussian() {}

  static double pdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** Phi(x) = erfc(-x / sqrt 2) / 2. */
  static double cdf(double x) {
    return 0.5 * erfc(-x / Math.sqrt(2.0));
  }

  static double erfc(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (z < 0) {
      return 2.0 - erfc(-z);
    }
    if (z < 1.5) {
      return 1.0 - erfSeries(z);
    }
    if (z > 27) {
      return 0.0;
    }
    return Math.exp(-z * z) * INV_SQRT_PI * continuedFraction(z);
  }

  private static double erfSeries(double z) {
    double term = z;
    double sum = z;
    double z2 = z * z;
    for (int n = 1; n < 200; n++) {
      term *= 2.0 * z2 / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return 2.0 * INV_SQRT_PI * Math.exp(-z2) * sum;
  }

  /** 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))) by the modified Lentz method. */
  private static double continuedFraction(double z) {
    double tiny = 1e-300;
    double f = z;
    double c = z;
    double d = 0;
    for (int n = 1; n < 5000; n++) {
      double a = 0.5 * n;
      d = z + a * d;
      d = d == 0 ? tiny : d;
      c = z + a / c;
      c = c == 0 ? tiny : c;
      d = 1.0 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1.0) < 1e-16) {
        break;
      }
    }
    return 1.0 / f;
  }
}
