package org.leain.sim.special;

/**
 * log I0(x), the modified Bessel function of the first kind of order zero, for x &gt;= 0: the
 * phase-marginalised likelihood is exp(-|d-h|^2/2) averaged over a uniform phase, which is
 * I0(|complex overlap|).
 *
 * <p>Power series sum (x^2/4)^k/(k!)^2 below x = 30 (positive terms); above, the asymptotic series
 * I0(x) = e^x / sqrt(2 pi x) sum ((2k-1)!!)^2 / (k! (8x)^k) truncated at its smallest term, which is
 * below 1e-20 there. Returned in log form so that large overlaps (x ~ 1e6 at high SNR) do not
 * overflow.
 */
public final class ModifiedBessel {

  private static final double SWITCH = 30.0;

  private ModifiedBessel() {}

  /** log I0(x) for x &gt;= 0. */
  public static double logI0(double x) {
    if (!(x >= 0.0)) {
      throw new IllegalArgumentException("Expected x >= 0. Actual: " + x);
    }
    if (x < SWITCH) {
      double q = 0.25 * x * x;
      double term = 1.0;
      double sum = 1.0;
      for (int k = 1; k < 500; k++) {
        term *= q / ((double) k * k);
        sum += term;
        if (term < 1e-17 * sum) {
          break;
        }
      }
      return Math.log(sum);
    }
    double term = 1.0;
    double sum = 1.0;
    for (int k = 1; k < 100; k++) {
      double next = term * (2.0 * k - 1) * (2.0 * k - 1) / (k * 8.0 * x);
      if (next > term) {
        break;
      }
      term = next;
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return x - 0.5 * Math.log(2.0 * Math.PI * x) + Math.log(sum);
  }
}
