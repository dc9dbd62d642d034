package org.leain.validation.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leain.validation.mcmc.BoxBounds;

/**
 * Tests of Accuracy with Random Points (TARP; Lemos, Coogan, Hezaveh and Perreault-Levasseur 2023,
 * ICML): for each event a reference point theta_r is drawn (uniform in the prior box), and
 * f = the fraction of posterior draws closer to theta_r than theta* is (Euclidean distance in the
 * box scaled to the unit cube). The posterior is accurate if and only if f is uniform for every
 * choice of reference distribution; the expected-coverage-probability curve ECP(alpha) = P(f < alpha)
 * then lies on the diagonal. Reported as in sbi's implementation: ATC = sum over the grid points
 * alpha >= 0.5 of (ECP - alpha) (positive: under-confident; negative: over-confident or biased),
 * and the Kolmogorov-Smirnov statistic of the f values against Uniform(0, 1) with its p-value.
 *
 * @param levels the alpha grid (0, 1/B, ..., 1)
 * @param coverage ECP at each level
 * @param atc area-to-curve statistic
 * @param ksStatistic sup |F_N(f) - f|
 * @param ksPValue asymptotic Kolmogorov p-value of ksStatistic for N events
 */
public record Tarp(double[] levels, double[] coverage, double atc, double ksStatistic, double ksPValue) {

  public static Tarp of(List<EventDraws> events, BoxBounds box, int gridBins, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = events.size();
    double[] f = new double[n];
    for (int e = 0; e < n; e++) {
      EventDraws ev = events.get(e);
      double[] ref = box.toUnitCube(box.uniformDraw(random));
      double dTrue = distance(box.toUnitCube(ev.thetaTrue()), ref);
      int closer = 0;
      for (double[] s : ev.samples()) {
        if (distance(box.toUnitCube(s), ref) < dTrue) {
          closer++;
        }
      }
      f[e] = (double) closer / ev.samples().length;
    }
    double[] levels = new double[gridBins + 1];
    double[] coverage = new double[gridBins + 1];
    double atc = 0;
    for (int k = 0; k <= gridBins; k++) {
      levels[k] = (double) k / gridBins;
      int below = 0;
      for (double v : f) {
        if (v < levels[k]) {
          below++;
        }
      }
      coverage[k] = (double) below / n;
      if (k >= gridBins / 2) {
        atc += coverage[k] - levels[k];
      }
    }
    double ks = kolmogorovSmirnov(f);
    return new Tarp(levels, coverage, atc, ks, kolmogorovPValue(ks, n));
  }

  /** sup |F_N(x) - x| of values in [0, 1] against Uniform(0, 1). */
  static double kolmogorovSmirnov(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      d = Math.max(d, Math.max((i + 1.0) / n - v[i], v[i] - (double) i / n));
    }
    return d;
  }

  /** P(D_N > d) by the Kolmogorov limit with Stephens' (1970) small-sample correction. */
  static double kolmogorovPValue(double d, int n) {
    double sqrtN = Math.sqrt(n);
    double lambda = (sqrtN + 0.12 + 0.11 / sqrtN) * d;
    if (lambda < 0.2) {
      return 1.0;
    }
    double sum = 0;
    for (int k = 1; k <= 100; k++) {
      double term = 2 * (k % 2 == 1 ? 1 : -1) * Math.exp(-2.0 * k * k * lambda * lambda);
      sum += term;
      if (Math.abs(term) < 1e-12) {
        break;
      }
    }
    return Math.max(0, Math.min(1, sum));
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }
}
