package org.leain.validation.mcmc;

/**
 * The integrated autocorrelation time of an ensemble chain, defined exactly as emcee 3.1's
 * {@code emcee.autocorr.integrated_time(x, c=5)}: the normalised autocorrelation function of each
 * walker (by FFT, zero-padded so it is not circular) is averaged over walkers, the running estimate
 * tau(M) = 2 sum_{t<=M} rho(t) - 1 is formed, and Sokal's automatic window picks the smallest M with
 * M >= c tau(M) (the last lag if none does).
 */
public final class AutocorrelationTime {

  /** Sokal's window constant used throughout LEAIN's validation (emcee's default). */
  public static final double SOKAL_C = 5.0;

  private AutocorrelationTime() {}

  /**
   * The normalised autocorrelation function rho(0..n-1) of one series (rho(0) = 1; all zeros for a
   * constant series).
   */
  public static double[] autocorrelation(double[] x) {
    int n = x.length;
    int size = 2 * Fft.nextPowerOfTwo(n);
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    double[] re = new double[size];
    double[] im = new double[size];
    for (int i = 0; i < n; i++) {
      re[i] = x[i] - mean;
    }
    Fft.transform(re, im, false);
    for (int i = 0; i < size; i++) {
      re[i] = re[i] * re[i] + im[i] * im[i];
      im[i] = 0;
    }
    Fft.transform(re, im, true);
    double[] acf = new double[n];
    if (re[0] <= 0) {
      return acf;
    }
    for (int i = 0; i < n; i++) {
      acf[i] = re[i] / re[0];
    }
    return acf;
  }

  /**
   * The integrated autocorrelation time, in steps, of one parameter.
   *
   * @param seriesPerWalker {@code [walker][step]}, all walkers of equal length >= 2
   * @param c Sokal's window constant (5 in emcee)
   */
  public static double integratedTime(double[][] seriesPerWalker, double c) {
    int n = seriesPerWalker[0].length;
    if (n < 2) {
      throw new IllegalArgumentException("Expected a chain of at least 2 steps. Actual: " + n);
    }
    double[] mean = new double[n];
    for (double[] walker : seriesPerWalker) {
      if (walker.length != n) {
        throw new IllegalArgumentException("Expected walkers of equal length " + n + ". Actual: " + walker.length);
      }
      double[] acf = autocorrelation(walker);
      for (int t = 0; t < n; t++) {
        mean[t] += acf[t];
      }
    }
    double sum = 0;
    double tau = Double.NaN;
    for (int m = 0; m < n; m++) {
      sum += mean[m] / seriesPerWalker.length;
      tau = 2 * sum - 1;
      if (m >= c * tau) {
        return tau;
      }
    }
    return tau;
  }
}
