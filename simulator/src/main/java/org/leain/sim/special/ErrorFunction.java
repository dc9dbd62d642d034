package org.leain.sim.special;

/**
 * The error function and the standard normal distribution function to near double precision.
 *
 * <p>For |x| &lt; 2 the all-positive series erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) /
 * (2n+1)!! (no cancellation); beyond, the continued fraction for erfc evaluated bottom-up with a
 * fixed depth. Deterministic, allocation-free, thread-safe.
 */
public final class ErrorFunction {

  private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
  private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
  private static final double SWITCH = 2.0;
  private static final int FRACTION_DEPTH = 60;

  private ErrorFunction() {}

  /** erf(x). */
  public static double erf(double x) {
    double ax = Math.abs(x);
    double r = ax < SWITCH ? series(ax) : 1.0 - continuedFraction(ax);
    return x < 0 ? -r : r;
  }

  /** erfc(x) = 1 - erf(x), accurate in the upper tail. */
  public static double erfc(double x) {
    if (x >= SWITCH) {
      return continuedFraction(x);
    }
    if (x <= -SWITCH) {
      return 2.0 - continuedFraction(-x);
    }
    return 1.0 - (x < 0 ? -series(-x) : series(x));
  }

  /** Standard normal distribution function Phi(x), accurate in both tails. */
  public static double normalCdf(double x) {
    return 0.5 * erfc(-x * 0.7071067811865476);
  }

  private static double series(double x) {
    double x2 = x * x;
    double term = x;
    double sum = x;
    for (int n = 1; n < 200; n++) {
      term *= 2.0 * x2 / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  }

  /** erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))) for x &gt;= 2. */
  private static double continuedFraction(double x) {
    double f = x;
    for (int k = FRACTION_DEPTH; k >= 1; k--) {
      f = x + (k * 0.5) / f;
    }
    return ONE_OVER_SQRT_PI * Math.exp(-x * x) / f;
  }
}
