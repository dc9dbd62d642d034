package org.leain.sim.localization;

import org.leain.sim.special.ErrorFunction;
import org.leain.sky.skymap.DistanceAnsatz;

/**
 * Inverts the moments of the LVK distance ansatz p(r) = DISTNORM r^2 N(r; mu, sigma), r &gt; 0:
 * given a mean and a standard deviation, finds (mu, sigma) numerically.
 *
 * <p>Both moments scale with sigma at fixed x = mu/sigma, so std/mean depends on x alone,
 * decreasing from 1/sqrt(3) (x -&gt; -inf, a Gamma(3) shape) to 0 (x -&gt; +inf); bisection on x
 * for the target ratio (the forward moments from the sky module's {@link DistanceAnsatz}), then
 * sigma = mean / m(x) with m the mean at sigma = 1. DISTNORM = 1 / (sigma^2 I2(x)),
 * I2 = x phi(x) + (1 + x^2) Phi(x).
 */
final class DistanceMoments {

  /** Largest std/mean the ansatz can represent (exclusive). */
  static final double MAX_RELATIVE_STD = 1.0 / Math.sqrt(3.0);

  private DistanceMoments() {}

  /** {distMu, distSigma, distNorm} whose ansatz has the given mean and standard deviation. */
  static double[] ansatzFor(double meanMpc, double stdMpc) {
    double target = stdMpc / meanMpc;
    if (!(target > 0.0 && target < 0.99 * MAX_RELATIVE_STD)) {
      throw new IllegalArgumentException(
          "Expected a relative distance uncertainty in (0, 0.57). Actual: " + target);
    }
    double lo = -30.0;
    double hi = 1e6;
    for (int k = 0; k < 200 && hi - lo > 1e-13 * Math.max(1.0, Math.abs(hi)); k++) {
      double mid = 0.5 * (lo + hi);
      DistanceAnsatz.Moments m = DistanceAnsatz.moments(mid, 1.0);
      if (m.stdMpc() / m.meanMpc() > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double x = 0.5 * (lo + hi);
    double sigma = meanMpc / DistanceAnsatz.moments(x, 1.0).meanMpc();
    double pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2.0 * Math.PI);
    double i2 = x * pdf + (1.0 + x * x) * ErrorFunction.normalCdf(x);
    return new double[] {x * sigma, sigma, 1.0 / (sigma * sigma * i2)};
  }
}
